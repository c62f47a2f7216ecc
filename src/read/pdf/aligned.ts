// Tables without a full grid: three-line (booktabs) tables, tables ruled between rows only, and tables
// with no rules at all. Their columns are told by the text: x gaps that stay empty down consecutive
// lines. Their rows by the 序号 column (one number a row, printed in the middle of its row, as cells
// are centred; at its top when they are not), or by the rules between rows where they are drawn.
// What is found is a Frame of the rules the table implies, read as the grid reader reads a ruled one;
// a merged category cell (printed once, centred over its rows) is a rule left out, as in a ruled table.
// Prose is never taken: a table needs a header row naming its columns and aligned cells over three or
// more lines, so two-column text or a numbered list stays text.
import type { Frame } from "./grid.js";
import { lineGroups, type Run } from "./lines.js";
import type { Segment } from "./rulings.js";

/** Text of one line that no wide gap interrupts: a cell's line, or a line of prose. */
interface Piece {
  x: number;
  right: number;
  text: string;
}

interface Line {
  y: number;
  size: number;
  pieces: Piece[];
  runs: Run[];
}

/** A gap this wide (font sizes) between runs of a line separates cells: wider than a space, and no
 *  wider than the margins of two cells whose text fills them. */
const CELL_GAP = 0.5;
/** A gutter between columns stays at least this wide (points) down the table. */
const MIN_GUTTER = 3;
/** Lines further apart than this (font sizes) are not rows of one table. */
const MAX_PITCH = 2.6;
/** A table has at least this many lines of three or more cells (its header among them). */
const MIN_ALIGNED_LINES = 3;
/** Words that name a table's columns; a header row names two or more columns with them. */
const HEADER_WORD = /序号|编号|类别|分类|类型|指标|名称|内容|目标|预期|基数|现状|属性|性质|单位|项目|建设|规模|投资|年限|时间|部门|牵头|责任|备注|完成/;
const HEADER_CELL_MAX = 12;
/** How far above its 序号 cell (font sizes) a header's cells may start: three lines, centred. */
const HEADER_REACH = 1.6;
/** Rules reach this far (font sizes) past the text of a table's outer columns: the cells' margins. */
const RULE_REACH = 1.5;
/** A serial number, as a 序号 column prints it. */
const SERIAL = /^\d{1,3}[.、]?$/;

export interface AlignedTable {
  frame: Frame;
  runs: Run[];
}

/** The tables of a page's runs (those not in a ruled frame), read from their positions, with the
 *  runs each holds; `rules`: the page's horizontal rules that frame no grid. */
export function alignedTables(runs: readonly Run[], rules: readonly Segment[]): AlignedTable[] {
  const lines = lineUp(runs);
  const taken = new Set<number>();
  const out: AlignedTable[] = [];
  const seeds = lines.map((_, i) => i).filter((i) => lines[i].pieces.length >= 3);
  seeds.sort((a, b) => lines[b].pieces.length - lines[a].pieces.length || a - b);
  for (const s of seeds) {
    if (taken.has(s)) continue;
    const [from, to] = grow(lines, s, taken);
    const found = tableOf(lines.slice(from, to + 1), rules);
    if (!found) continue;
    for (let i = from; i <= to; i++) if (found.lines.has(i - from)) taken.add(i);
    out.push({ frame: found.frame, runs: [...found.lines].flatMap((i) => lines[from + i].runs) });
  }
  return out.sort((a, b) => b.frame.top - a.frame.top);
}

function lineUp(runs: readonly Run[]): Line[] {
  return lineGroups(runs).map((g) => {
    g.sort((a, b) => a.x - b.x);
    const size = Math.max(...g.map((r) => r.size));
    const pieces: Piece[] = [];
    for (const r of g) {
      const last = pieces[pieces.length - 1];
      if (last && r.x - last.right < CELL_GAP * size) {
        last.text += r.text;
        last.right = Math.max(last.right, r.x + r.width);
      } else pieces.push({ x: r.x, right: r.x + r.width, text: r.text });
    }
    return { y: g[0].y, size, pieces, runs: g };
  });
}

type Gutter = { left: number; right: number };

/** The lines around seed `s` whose cells keep clear of the gutters between the seed's cells. */
function grow(lines: Line[], s: number, taken: Set<number>): [number, number] {
  let gutters: Gutter[] = [];
  const seed = lines[s].pieces;
  for (let i = 1; i < seed.length; i++) gutters.push({ left: seed[i - 1].right, right: seed[i].x });
  let from = s;
  let to = s;
  for (const step of [-1, 1]) {
    for (let i = s + step; i >= 0 && i < lines.length && !taken.has(i); i += step) {
      const near = lines[i - step];
      if (Math.abs(near.y - lines[i].y) > MAX_PITCH * Math.max(near.size, lines[i].size)) break;
      const narrowed = clearOf(lines[i].pieces, gutters);
      if (!narrowed) break;
      gutters = narrowed;
      if (step < 0) from = i;
      else to = i;
    }
  }
  return [from, to];
}

/** The gutters narrowed to leave room for `pieces`, or null if a piece bridges one. */
function clearOf(pieces: Piece[], gutters: Gutter[]): Gutter[] | null {
  const out = gutters.map((g) => ({ ...g }));
  for (const p of pieces) {
    for (const g of out) {
      if (p.right <= g.left || p.x >= g.right) continue;
      if (p.x + p.right < g.left + g.right) g.left = p.right;
      else g.right = p.x;
      if (g.right - g.left < MIN_GUTTER) return null;
    }
  }
  return out;
}

/** The columns of some lines: the gaps no piece covers, as boundaries (left edge, gaps, right edge). */
function columns(lines: Line[]): number[] {
  const spans = lines.flatMap((l) => l.pieces.map((p) => [p.x, p.right] as const)).sort((a, b) => a[0] - b[0]);
  const xs = [spans[0][0] - 2];
  let end = spans[0][1];
  for (const [x, right] of spans) {
    if (x - end >= MIN_GUTTER) xs.push((x + end) / 2);
    end = Math.max(end, right);
  }
  xs.push(end + 2);
  return xs;
}

const columnOf = (xs: number[], p: Piece): number => {
  const mid = (p.x + p.right) / 2;
  for (let c = 0; c + 1 < xs.length; c++) if (mid >= xs[c] && mid <= xs[c + 1]) return c;
  return -1;
};

/** A table in these lines (top to bottom), if they hold one: its frame and which lines it takes. */
function tableOf(lines: Line[], rules: readonly Segment[], offset = 0): { frame: Frame; lines: Set<number> } | null {
  if (lines.filter((l) => l.pieces.length >= 3).length < MIN_ALIGNED_LINES) return null;
  const xs = columns(lines);
  const C = xs.length - 1;
  if (C < 3) return null;
  const cols = lines.map((l) => l.pieces.map((p) => columnOf(xs, p)));
  // the 序号 column: the first whose cells below its top one are mostly serial numbers
  const anchorCol = [...Array(C).keys()].find((c) => {
    const texts = lines.flatMap((l, i) => l.pieces.filter((_, k) => cols[i][k] === c).map((p) => p.text.trim())).slice(1);
    return texts.length >= 2 && texts.filter((t) => SERIAL.test(t)).length >= 0.7 * texts.length;
  });
  if (anchorCol === undefined) return null;
  const anchors = lines.map((_, i) => i).filter((i) => cols[i].includes(anchorCol));
  if (anchors.length < MIN_ALIGNED_LINES) return null;
  // above the header's anchor only the upper lines of its own cells: a caption stands further off
  let top = anchors[0];
  while (top > 0 && lines[top - 1].y - lines[anchors[0]].y <= HEADER_REACH * lines[top - 1].size) top--;
  if (top > 0) return tableOf(lines.slice(top), rules, offset + top);
  // a column with text in fewer than half the rows holds merged cells: its lines do not count
  // towards a row's height
  const body = anchors.length - 1;
  const sparse = new Set([...Array(C).keys()].filter((c) => {
    const filled = lines.filter((_, i) => i > anchors[0] && cols[i].includes(c)).length;
    return c !== anchorCol && filled > 0 && filled <= body / 2 && body - filled >= 2;
  }));
  const counts = lines.map((_, i) => cols[i].some((c) => !sparse.has(c)));
  // the rules across the table: drawn over most of its width, perhaps broken where a merged cell is
  const reach = RULE_REACH * lines[0].size;
  const near = rules.filter((s) => s.x1 >= xs[0] - reach && s.x2 <= xs[C] + reach);
  const across = (y: number) => near.filter((s) => Math.abs(s.y1 - y) <= 2).reduce((a, s) => a + s.x2 - s.x1, 0) >= 0.5 * (xs[C] - xs[0]);
  const hRules = near.filter((s) => across(s.y1));
  const rows = rowsOf(lines, anchors, counts, hRules);
  if (rows.length === 0) return null;
  // the header row names its columns
  const header = new Map<number, string>();
  for (let i = rows[0].first; i <= rows[0].last; i++) lines[i].pieces.forEach((p, k) => header.set(cols[i][k], (header.get(cols[i][k]) ?? "") + p.text.trim()));
  const named = [...header.values()].filter((t) => HEADER_WORD.test(t) && [...t].length <= HEADER_CELL_MAX).length;
  if (named < 2 || [...header.values()].some((t) => [...t].length > HEADER_CELL_MAX)) return null;
  // row boundaries: a drawn rule between two rows, else the middle of the space between them
  // (the top and bottom: the rules above and below the table where drawn close by)
  const topLine = lines[rows[0].first];
  const bottomLine = lines[rows[rows.length - 1].last];
  const above = hRules.filter((s) => s.y1 > topLine.y + topLine.size * 0.8 && s.y1 < topLine.y + topLine.size * 2.5).sort((a, b) => a.y1 - b.y1)[0];
  const below = hRules.filter((s) => s.y1 < bottomLine.y - bottomLine.size * 0.2 && s.y1 > bottomLine.y - bottomLine.size * 1.8).sort((a, b) => b.y1 - a.y1)[0];
  const ys = [above ? above.y1 : topLine.y + topLine.size * 1.1];
  for (let r = 0; r + 1 < rows.length; r++) {
    const lo = lines[rows[r + 1].first].y + lines[rows[r + 1].first].size * 0.8;
    const hi = lines[rows[r].last].y - lines[rows[r].last].size * 0.3;
    const rule = hRules.find((s) => s.y1 < hi + 1 && s.y1 > lo - 1);
    ys.push(rule ? rule.y1 : (lo + hi) / 2);
  }
  ys.push(below ? below.y1 : bottomLine.y - bottomLine.size * 0.5);
  const h: Segment[] = [];
  const v: Segment[] = xs.map((x) => ({ x1: x, y1: ys[ys.length - 1], x2: x, y2: ys[0] }));
  const drawn = (y: number) => hRules.filter((s) => Math.abs(s.y1 - y) <= 2);
  // rules as drawn where they are; elsewhere a rule across every column but a merged cell's
  const rowOfLine = (i: number) => rows.findIndex((r) => i >= r.first && i <= r.last);
  const filled = (c: number) => rows.map((_, r) => lines.some((_, i) => rowOfLine(i) === r && cols[i].includes(c)));
  const merged = [...sparse].map((c) => ({ c, spans: spansOf(filled(c), lines, cols, c, rows, ys) }));
  ys.forEach((y, b) => {
    const real = drawn(y);
    if (real.length) return void h.push(...real);
    for (let c = 0; c < C; c++) {
      const inside = merged.some((m) => m.c === c && m.spans.some(([s, e]) => b > s && b <= e));
      if (!inside) h.push({ x1: xs[c], y1: y, x2: xs[c + 1], y2: y });
    }
  });
  const frame: Frame = { left: xs[0], right: xs[C], top: ys[0], bottom: ys[ys.length - 1], xs, ys, h, v, inferred: true };
  const taken = new Set(lines.map((_, i) => i).filter((i) => rowOfLine(i) >= 0).map((i) => i + offset));
  return { frame, lines: taken };
}

interface Row {
  /** lines (indexes) of the row, first and last */
  first: number;
  last: number;
}

/** The rows: one per anchor line; the other lines split between an anchor and the next by a rule
 *  drawn between them, else by centring (as many of a row's lines below its anchor as above it), or,
 *  when the lines are not centred, by hanging from the anchor above (cells aligned at their top).
 *  Lines of merged cells (not `counted`) do not make a row taller. */
function rowsOf(lines: Line[], anchors: number[], counted: boolean[], rules: readonly Segment[]): Row[] {
  const ruleAfter = (i: number) => i + 1 < lines.length && rules.some((s) => s.y1 < lines[i].y && s.y1 > lines[i + 1].y + lines[i + 1].size * 0.8);
  /** the first line after anchor `a` (before `limit`) that is not its row's: the one after `below`
   *  counted lines when centred; when hanging, the next anchor, or for the last row the first line
   *  standing further off than a header's lines do */
  const end = (a: number, limit: number, below: number | null): number => {
    let k = a + 1;
    for (let n = 0; k < limit; k++) {
      if (ruleAfter(k - 1)) return k;
      if (below !== null && counted[k] && n++ === below) return k;
      if (below === null && limit === lines.length && lines[k - 1].y - lines[k].y > HEADER_REACH * lines[k].size) return k;
    }
    return k;
  };
  const attempt = (centred: boolean): Row[] | null => {
    const rows: Row[] = [];
    let first = 0;
    for (let r = 0; r < anchors.length; r++) {
      const a = anchors[r];
      if (first > a) return null;
      const above = lines.slice(first, a).filter((_, k) => counted[first + k]).length;
      const limit = r + 1 < anchors.length ? anchors[r + 1] : lines.length;
      const next = end(a, limit, centred ? above : null);
      // centred, a row has as many counted lines below its anchor as above it
      if (centred && r + 1 < anchors.length && !ruleAfter(next - 1) && lines.slice(a + 1, next).filter((_, k) => counted[a + 1 + k]).length < above) return null;
      rows.push({ first, last: next - 1 });
      first = next;
    }
    return rows;
  };
  return attempt(true) ?? attempt(false) ?? [];
}

/** For a column of merged cells, the rows each of its cells spans: each cell's text, centred over
 *  its rows, runs over the empty rows around it as far as keeps it in their middle. */
function spansOf(filled: boolean[], lines: Line[], cols: number[][], c: number, rows: Row[], ys: number[]): Array<[number, number]> {
  const centre = (r: number) => {
    const ls = lines.map((l, i) => ({ l, i })).filter(({ i }) => i >= rows[r].first && i <= rows[r].last && cols[i].includes(c));
    return ls.reduce((a, { l }) => a + l.y + l.size * 0.35, 0) / ls.length;
  };
  const out: Array<[number, number]> = [];
  let s = 1;
  for (let r = 1; r < rows.length; r++) {
    if (!filled[r]) continue;
    const y = centre(r);
    let next = r + 1;
    while (next < rows.length && !filled[next]) next++;
    let best = r;
    for (let e = r; e < next; e++) if (Math.abs((ys[s] + ys[e + 1]) / 2 - y) < Math.abs((ys[s] + ys[best + 1]) / 2 - y)) best = e;
    out.push([s, best]);
    s = best + 1;
  }
  return out;
}
