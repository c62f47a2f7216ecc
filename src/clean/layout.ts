// Text that a PDF tool laid out as the page shows it (`pdftotext -layout`): page furniture — a running
// header repeating the plan's name at the top of every page, `— 12 —` or `第3页` footers, form feeds —
// and tables printed as columns of cells separated by runs of spaces, a long cell wrapped onto the
// lines below it in its own column. The furniture goes (noted); each table row becomes one line of
// TAB-separated cells, its wrapped continuations joined into their cells, the form the HTML and pipe
// tables take, so that segmentation reads cells instead of guessing at separators.
import type { Line, Note } from "../model.js";
import { note } from "../notes.js";
import { codePointCount, displayWidth } from "../text/chars.js";
import { PAGE_NUMBER_LINE } from "../text/page-numbers.js";
import { counted, type CleanStep } from "./step.js";

/** A running header is a line printed at the top of this many pages at least. */
const RUNNING_MIN = 3;
/** Cells are separated by at least this many spaces. */
const GAP = /\s{2,}|\u3000+/u;
/** A cell starts within this many columns of its header cell (CJK counted twice). */
const ALIGN = 4;
/** The longest piece of a wrapped cell; a longer run of text under a table is prose. */
const CELL_MAX = 24;
const TABLE_WORDS = /序号|指标|项目名称|类别|名称|目标|单位|属性|建设内容|投资/u;

interface Cell {
  text: string;
  at: number;
}

function cellsOf(text: string): Cell[] {
  const cells: Cell[] = [];
  const expanded = text.replace(/\t/g, "    ");
  for (const m of expanded.matchAll(/[^\s\u3000](?:[^\s\u3000]| (?=[^\s\u3000]))*/gu)) cells.push({ text: m[0], at: displayWidth(expanded.slice(0, m.index)) });
  return cells;
}

/** Page furniture: footers, form feeds, and the running header at the top of each page. */
function dropFurniture(lines: Line[], notes: Note[], source: string): { lines: Line[]; dropped: number } {
  const pageTop = new Set<number>();
  let top = true;
  lines.forEach((l, i) => {
    if (l.text.includes("\f")) top = true;
    if (top && l.text.replace(/\f/g, "").trim() !== "") {
      pageTop.add(i);
      top = false;
    }
    if (PAGE_NUMBER_LINE.test(l.text.replace(/\f/g, ""))) top = true;
  });
  const count = new Map<string, number>();
  for (const i of pageTop) {
    const t = lines[i]!.text.replace(/\f/g, "").trim();
    count.set(t, (count.get(t) ?? 0) + 1);
  }
  const running = new Set([...count].filter(([t, n]) => n >= RUNNING_MIN && codePointCount(t) <= 60).map(([t]) => t));
  // the running header is the plan's name: its first copy stays where the body does not print it
  const inBody = new Set(lines.filter((l, i) => !pageTop.has(i)).map((l) => l.text.trim()).filter((t) => running.has(t)));
  const kept: Line[] = [];
  const firstKept = new Set<string>();
  let dropped = 0;
  lines.forEach((l, i) => {
    const t = l.text.replace(/\f/g, "");
    const drop = (why: string) => {
      dropped++;
      notes.push(note("page-furniture-dropped", source, l.line, `dropped ${why}: ${JSON.stringify(t.trim().slice(0, 40))}`));
    };
    if (PAGE_NUMBER_LINE.test(t) && t.trim() !== "") return drop("a page number");
    const trimmed = t.trim();
    if (pageTop.has(i) && running.has(trimmed)) {
      if (inBody.has(trimmed) || firstKept.has(trimmed)) return drop("the running page header");
      firstKept.add(trimmed);
    }
    kept.push(t === l.text ? l : { ...l, text: t });
  });
  return { lines: kept, dropped };
}

/** Tables laid out in columns → TAB rows. A row starts where its first column holds a number. */
function tabulate(lines: Line[]): { lines: Line[]; rows: number } {
  const out: Line[] = [];
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const header = cellsOf(lines[i]!.text);
    const isHeader = header.length >= 3 && GAP.test(lines[i]!.text.trim()) && TABLE_WORDS.test(lines[i]!.text) && header.every((c) => codePointCount(c.text) <= 12);
    if (!isHeader) {
      out.push(lines[i]!);
      continue;
    }
    const starts = header.map((c) => c.at);
    const column = (at: number) => {
      let best = -1;
      for (let k = 0; k < starts.length; k++) if (at >= starts[k]! - ALIGN) best = k;
      return best;
    };
    const table: Array<{ cells: string[]; line: Line }> = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (t.trim() === "") continue;
      const cells = cellsOf(t);
      const first = cells[0];
      if (!first) break;
      const firstColumn = column(first.at);
      const startsRow = firstColumn === 0 && /^\d{1,3}$/u.test(first.text) && cells.length >= 2;
      // a wrapped cell is as narrow as its column; a longer run of text is prose (a note under the table)
      const continues = table.length > 0 && firstColumn > 0 && cells.length < header.length && cells.every((c) => codePointCount(c.text) <= CELL_MAX) && !/[。；]$/u.test(t.trim());
      if (!startsRow && !continues) break;
      if (startsRow) table.push({ cells: header.map(() => ""), line: lines[j]! });
      const row = table[table.length - 1]!;
      for (const c of cells) {
        const k = column(c.at);
        if (k >= 0) row.cells[k] = row.cells[k] ? row.cells[k] + c.text : c.text;
      }
      if (!startsRow) row.line = { ...row.line, end: lines[j]!.line };
    }
    if (table.length < 2) {
      out.push(lines[i]!);
      continue;
    }
    out.push({ ...lines[i]!, text: header.map((c) => c.text).join("\t") });
    for (const r of table) out.push({ ...r.line, text: r.cells.join("\t") });
    rows += table.length;
    i = j - 1;
  }
  return { lines: out, rows };
}

export const readLayout: CleanStep = (lines, ctx) => {
  const notes: Note[] = [];
  const paged = lines.some((l) => l.text.includes("\f")) || lines.filter((l) => PAGE_NUMBER_LINE.test(l.text)).length >= 2;
  const furniture = paged ? dropFurniture(lines, notes, ctx.source) : { lines, dropped: 0 };
  const tables = tabulate(furniture.lines);
  return { lines: tables.lines, notes, repairs: { ...counted("page-furniture-dropped", furniture.dropped), ...counted("layout-table-rows", tables.rows) } };
};
