// A PDF's pages → the document's lines in reading order: each page's lines, boxes and tables; the
// running headers, footers and page numbers dropped; a paragraph's wrapped lines joined, within a
// page and across a page break; a table that a page break splits read as one table, its repeated
// header rows dropped and a merged cell that runs over the break given to the rows on both sides.
import { alignedTables } from "./aligned.js";
import { frames, inside, readTable, runInside, type Frame } from "./grid.js";
import { furniture, type Furniture } from "./furniture.js";
import { joinWrapped } from "../join.js";
import { toLines, type PageLine, type Run } from "./lines.js";
import type { Segment } from "./rulings.js";
import { OPENS_HEADING } from "../../text/headings.js";

export interface PageContent {
  width: number;
  height: number;
  runs: Run[];
  rulings: Segment[];
}

/** Where a line stands: the body text or a box (专栏), and the left and right edges of its text. */
interface Region {
  box: number | null;
  left: number;
  right: number;
  /** a box's rules, left and right (a box split by a page break goes on between the same rules) */
  frame?: { left: number; right: number };
}

type Block =
  | { kind: "line"; page: number; line: PageLine; region: Region }
  | { kind: "table"; page: number; top: number; rows: string[][]; frame: Frame; merged: number };

export interface FlowLine {
  text: string;
  page: number;
  /** the line is a table row (its cells TAB-separated) */
  row: boolean;
}

export interface Flow {
  lines: FlowLine[];
  /** `aligned`: a table without a grid, its columns and rows told by where its text stands */
  tables: Array<{ rows: number; columns: number; pages: number[]; merged: number; aligned: boolean }>;
  furniture: Furniture["dropped"];
  headersDropped: number;
  footersDropped: number;
}

/** A wrapped line reaches this close (in font sizes) to the right edge of its text: left-aligned
 *  Chinese text breaks up to two characters early to keep punctuation off the next line. */
const FULL_LINE = 2.5;
/** Lines at least this share of the widest are the ones the right edge is taken from, at this
 *  quantile of their ends: most of them are full lines. */
const FULL_WIDTH = 0.75;
const RIGHT_EDGE_QUANTILE = 0.8;
/** A line indented by more than this (font sizes) starts a paragraph. */
const INDENT = 1;
/** Baselines further apart than this (font sizes) are separate paragraphs, not wrapped lines. */
const LINE_PITCH = 2.2;
/** Boundaries of table parts or boxes on adjacent pages this close (points) continue each other.
 *  Column boundaries told from the text stand in the gaps between columns, which differ with each
 *  part's text: within half the narrower of their columns. */
const SAME_EDGE = 3;
const SAME_GAP = 0.5;
/** A line ending a sentence is not continued by a heading after it. */
const SENTENCE_END = /[。！？；：!?;:]$/;

export function flow(pages: readonly PageContent[]): Flow {
  let boxes = 0;
  const perPage = pages.map((p, k) => {
    const all = frames(p.rulings);
    const tables = all.filter((f) => f.xs.length > 2);
    const boxFrames = all.filter((f) => f.xs.length === 2).map((f) => ({ f, id: boxes++ }));
    const inTable = (r: Run) => tables.find((f) => runInside(f, r));
    const tableRuns = new Map<Frame, Run[]>(tables.map((f) => [f, []]));
    const free: Run[] = [];
    for (const r of p.runs) {
      const t = inTable(r);
      if (t) tableRuns.get(t)!.push(r);
      else free.push(r);
    }
    // tables without a grid, from the text's positions and the rules that frame nothing
    const loose = p.rulings.filter((s) => s.y1 === s.y2 && !all.some((f) => inside(f, s.x1, s.y1) && inside(f, s.x2, s.y1)));
    const aligned = alignedTables(free, loose);
    const inAligned = new Set(aligned.flatMap((t) => t.runs));
    for (const t of aligned) tableRuns.set(t.frame, t.runs);
    const blocks: Block[] = [];
    for (const f of [...tables, ...aligned.map((t) => t.frame)]) {
      const t = readTable(f, tableRuns.get(f)!);
      blocks.push({ kind: "table", page: k + 1, top: f.top, rows: t.rows, frame: f, merged: t.merged });
    }
    const lines = toLines(free.filter((r) => !inAligned.has(r)));
    const boxOf = (l: PageLine) => boxFrames.find(({ f }) => l.x >= f.left - 1 && l.right <= f.right + 1 && l.y <= f.top && l.y >= f.bottom);
    for (const line of lines) {
      const box = boxOf(line);
      blocks.push({ kind: "line", page: k + 1, line, region: { box: box?.id ?? null, left: 0, right: 0, ...(box ? { frame: { left: box.f.left, right: box.f.right } } : {}) } });
    }
    blocks.sort((a, b) => topOf(b) - topOf(a));
    return blocks;
  });
  const furn = furniture(pages.map((p, k) => ({ height: p.height, lines: perPage[k].map((b) => (b.kind === "line" ? { text: b.line.text, y: b.line.y } : { text: "\u0000", y: b.top })) })));
  let headersDropped = 0;
  let footersDropped = 0;
  const kept = perPage.map((blocks, k) =>
    blocks.filter((_, i) => {
      if (furn.header[k].has(i)) return void headersDropped++, false;
      if (furn.footer[k].has(i)) return void footersDropped++, false;
      return true;
    }),
  );
  kept.forEach(setRegions);
  const out = join(kept.flat());
  return { ...out, furniture: furn.dropped, headersDropped, footersDropped };
}

const topOf = (b: Block): number => (b.kind === "line" ? b.line.y + b.line.size * 0.8 : b.top);

/** The left and right edges of the text of each region of a page: the body's from its lines, each
 *  box's from the lines inside it. */
function setRegions(blocks: Block[]): void {
  const lines = new Map<number | null, PageLine[]>();
  for (const b of blocks) {
    if (b.kind !== "line") continue;
    const list = lines.get(b.region.box) ?? [];
    list.push(b.line);
    lines.set(b.region.box, list);
  }
  const edges = new Map<number | null, { left: number; right: number }>();
  for (const [box, list] of lines) edges.set(box, { left: leftEdge(list), right: rightEdge(list) });
  for (const b of blocks) if (b.kind === "line") Object.assign(b.region, edges.get(b.region.box));
}

/** The left edge: the leftmost start (a hanging quote mark may stand half a character left of it,
 *  well within INDENT). */
function leftEdge(lines: PageLine[]): number {
  return Math.min(...lines.map((l) => l.x));
}

/** The right edge: where most full lines end (a line that Latin text pushes a little past it does
 *  not move it; short lines, such as a centred title, do not count). */
function rightEdge(lines: PageLine[]): number {
  const widest = Math.max(...lines.map((l) => l.right - l.x));
  const rights = lines.filter((l) => l.right - l.x >= FULL_WIDTH * widest).map((l) => l.right).sort((a, b) => a - b);
  return rights[Math.floor((rights.length - 1) * RIGHT_EDGE_QUANTILE)];
}

function join(blocks: Block[]): Omit<Flow, "furniture" | "headersDropped" | "footersDropped"> {
  const lines: FlowLine[] = [];
  const tables: Flow["tables"] = [];
  let para: { text: string; page: number; last: Extract<Block, { kind: "line" }> } | null = null;
  let table: OpenTable | null = null;
  const flushPara = () => {
    if (para) lines.push({ text: para.text, page: para.page, row: false });
    para = null;
  };
  const flushTable = () => {
    if (!table) return;
    table.rows.forEach((r, i) => {
      if (r.some((c) => c !== "")) lines.push({ text: r.join("\t"), page: table!.rowPages[i], row: true });
    });
    tables.push({ rows: table.rows.filter((r) => r.some((c) => c !== "")).length, columns: table.frame.xs.length - 1, pages: table.pages, merged: table.merged, aligned: table.frame.inferred === true });
    table = null;
  };
  for (const b of blocks) {
    if (b.kind === "table") {
      flushPara();
      if (table && continues(table, b)) {
        appendPart(table, b);
        continue;
      }
      flushTable();
      table = { rows: b.rows.map((r) => [...r]), rowPages: b.rows.map(() => b.page), header: b.rows.slice(0, 3), frame: b.frame, merged: b.merged, pages: [b.page], bottom: b.rows[b.rows.length - 1], down: mergedDown(b.frame, b.rows.length - 1) };
      continue;
    }
    flushTable();
    if (para && wraps(para.last, b)) {
      para.text = joinWrapped(para.text, b.line.text);
      para.last = b;
    } else {
      flushPara();
      para = { text: b.line.text, page: b.page, last: b };
    }
  }
  flushPara();
  flushTable();
  return { lines, tables };
}

/** Whether line `n` goes on the paragraph whose last line is `p`. */
function wraps(p: Extract<Block, { kind: "line" }>, n: Extract<Block, { kind: "line" }>): boolean {
  const a = p.line;
  const b = n.line;
  if (Math.abs(a.size - b.size) > 0.5) return false;
  if (p.region.box !== n.region.box) {
    // a box that a page break splits goes on in a box of the same width on the next page
    const [f, g] = [p.region.frame, n.region.frame];
    const split = f !== undefined && g !== undefined && n.page === p.page + 1 && Math.abs(f.left - g.left) <= SAME_EDGE && Math.abs(f.right - g.right) <= SAME_EDGE;
    if (!split) return false;
  }
  if (n.page === p.page && a.y - b.y > LINE_PITCH * b.size) return false;
  if (n.page !== p.page && n.page !== p.page + 1) return false;
  if (a.right < p.region.right - FULL_LINE * a.size) return false;
  if (b.x > n.region.left + INDENT * b.size) return false;
  if (SENTENCE_END.test(a.text) && OPENS_HEADING.test(b.text)) return false;
  return true;
}

/** Whether a table part on the next page, with the same columns, continues the open table. */
function continues(t: OpenTable, b: Extract<Block, { kind: "table" }>): boolean {
  const last = t.pages[t.pages.length - 1];
  if (b.page !== last + 1 || b.frame.xs.length !== t.frame.xs.length) return false;
  const xs = t.frame.xs;
  const gap = (i: number) => SAME_GAP * Math.min(i > 0 ? xs[i] - xs[i - 1] : Infinity, i + 1 < xs.length ? xs[i + 1] - xs[i] : Infinity);
  const near = (i: number) => (b.frame.inferred || t.frame.inferred ? Math.max(SAME_EDGE, gap(i)) : SAME_EDGE);
  return b.frame.xs.every((x, i) => Math.abs(x - xs[i]) <= near(i));
}

/** For each column, whether the table's row `r` is part of a cell merged with the row above it
 *  (so a merge may run on over a page break). */
function mergedDown(f: Frame, r: number): boolean[] {
  const y = f.ys[r];
  return f.xs.slice(0, -1).map((x, c) => {
    if (r === 0) return false;
    const mid = (x + f.xs[c + 1]) / 2;
    return !f.h.some((s) => Math.abs(s.y1 - y) <= 2 && s.x1 <= mid && s.x2 >= mid);
  });
}

/** A table being read, perhaps over several pages. */
interface OpenTable {
  rows: string[][];
  rowPages: number[];
  /** its first rows, which a page may repeat */
  header: string[][];
  frame: Frame;
  merged: number;
  pages: number[];
  /** its last row, and which of its cells are merged with the row above */
  bottom: string[];
  down: boolean[];
}

function appendPart(t: OpenTable, b: Extract<Block, { kind: "table" }>): void {
  let rows = b.rows.map((r) => [...r]);
  // the header rows a page repeats
  let k = 0;
  while (k < rows.length && k < t.header.length && rows[k].join("\t") === t.header[k].join("\t")) k++;
  rows = rows.slice(k);
  // a merged cell running over the break: its text printed on the first part only
  const cont = mergedDownFrom(b.frame, k);
  for (let c = 0; c < t.down.length; c++) {
    if (!t.down[c] || t.bottom[c] === "") continue;
    for (let r = 0; r < rows.length && rows[r][c] === "" && (r === 0 || cont[r][c]); r++) rows[r][c] = t.bottom[c];
  }
  t.rows.push(...rows);
  t.rowPages.push(...rows.map(() => b.page));
  t.pages.push(b.page);
  t.merged += b.merged;
  t.bottom = t.rows[t.rows.length - 1];
  t.down = mergedDown(b.frame, b.rows.length - 1);
}

/** mergedDown for every row from `first` on, indexed from 0. */
function mergedDownFrom(f: Frame, first: number): boolean[][] {
  const out: boolean[][] = [];
  for (let r = first; r < f.ys.length - 1; r++) out.push(mergedDown(f, r));
  return out;
}
