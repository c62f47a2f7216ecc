// Indicator tables → Indicator rows. A table is found by its header (indicator-tables.ts); its body
// arrives in one of three shapes:
//  - rows of TAB-separated cells (pipe tables and HTML tables after clean). A merged cell (rowspan)
//    survives only in its first row, so later rows come one cell short: they inherit it.
//  - a stream of cells and cell fragments (one cell per line from Word/web exports, PDF text with
//    wrapped names, letter-spaced cells and merged cells). PDF text prints a merged cell once, at
//    the last row it spans, in its column's place within that row; it covers the rows back to the
//    previous value printed in that column.
//  - in a table that does not number its rows, one cell per line, each row ended by its nature
//    word (约束性/预期性).
import type { Indicator, Line, Note, Value } from "../model.js";
import { periodOf, type Column, type ColumnKind } from "./indicator-header.js";
import { matchIndicator } from "../catalog/match.js";
import { headerColumns, numbersRows, readRowsByHeader, type RawRow } from "./indicator-columns.js";
import { compact, endsBody, findTables, FOOTNOTE_RE, type Found } from "./indicator-tables.js";
import { parseValue } from "./values.js";
import { HAN } from "../text/chars.js";
import { note } from "../notes.js";
import { atOf } from "./at.js";

export interface IndicatorTables {
  indicators: Indicator[];
  notes: Note[];
  /** indices (into the lines) of captions, headers, rows and footnotes */
  consumed: Set<number>;
}

const NATURE: Record<string, "binding" | "expected"> = { 约束性: "binding", 约束: "binding", 预期性: "expected", 预期: "expected" };
const NATURE_RE = /^(?:约束性?|预期性?)$/u;
/** A figure, a dash for "no figure", or a word that stands for zero. */
const VALUE_RE = /\d|^(?:[—–\-－―─]+|\/|／|不发生|零发生|杜绝|无)$/u;
const UNIT_RE = /^(?:%|‰|％|人|起|次|宗|个|家|处|座|支|名|台|辆|小时|分钟|天|日|年|万元|亿元|元|吨|公里|千米|km|平方米|平方公里|人次|万人|户)$/u;
/** Organisations end in these; a cell that does is a responsible department. */
const ORG_RE = /(?:局|大队|支队|中队|委员会|管委会|委|办公室|办|中心|站|所|院|部|会|公司|政府|街道|集团)$/u;
const STACK_PIECE = new RegExp(`^[${HAN}]{1,2}$`, "u");
const SPACED = new RegExp(`^[${HAN}](?:[ \\u3000][${HAN}]){2,}$`, "u");
/** Rows printed one cell per line, each ended by its nature word; the table ends at a line that
 *  ends a body, at a TAB row, or at a row that gives no name or no figure. */
function readStackedRows(lines: Line[], start: number, columns: Column[]): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let carried: Pick<RawRow, "category" | "nature" | "department"> = { category: null, nature: null, department: null };
  let rowStart = start;
  let cells: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.text.trim();
    // a name wrapped over lines may add a cell or two to a row; more is no row of this table
    if (t.includes("\t") || endsBody(t) || cells.length > columns.length + 2) break;
    cells.push(t);
    if (!NATURE_RE.test(t)) continue;
    const row = rowFromCells(rows.length + 1, cells, columns, lines.slice(rowStart, i + 1), carried);
    if (row.name === "" || row.values.length === 0) break;
    rows.push(row);
    carried = { category: row.category, nature: row.nature, department: row.department };
    rowStart = i + 1;
    cells = [];
  }
  return { rows, end: rowStart };
}

// ---------------------------------------------------------------------------------------------
// Rows

type MergedKind = "category" | "department" | "nature";

function columnIndex(columns: Column[], kind: ColumnKind): number {
  return columns.findIndex((c) => c.kind === kind);
}

function has(columns: Column[], kind: ColumnKind): boolean {
  return columnIndex(columns, kind) >= 0;
}

/** TAB rows: cells are explicit; a row short of cells lost its merged cells to the row above. */
function readTabRows(lines: Line[], start: number, columns: Column[]): { rows: RawRow[]; end: number } {
  const rows: RawRow[] = [];
  let i = start;
  let carried: Pick<RawRow, "category" | "nature" | "department"> = { category: null, nature: null, department: null };
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.includes("\t")) break;
    const grid = text.split("\t").map((c) => c.trim());
    if (grid.length === columns.length) {
      // a full row of a grid (an HTML, Word or PDF table, merged cells expanded): cells by column
      const row = rowByColumns(grid, columns, lines[i]!, carried);
      if (!row) break;
      carried = { category: row.category, nature: row.nature, department: row.department };
      rows.push(row);
      continue;
    }
    const cells = grid.filter((c) => c !== "");
    const noCell = cells[0] ?? "";
    if (!/^\d{1,3}$/.test(noCell)) break;
    const row = rowFromCells(Number(noCell), cells.slice(1), columns, [lines[i]!], carried);
    carried = { category: row.category, nature: row.nature, department: row.department };
    rows.push(row);
  }
  return { rows, end: i };
}

/**
 * A row from its cells in printed order, some perhaps missing (a merged cell printed on another
 * row, an empty one): each is told by what it holds — a nature word, a unit, a figure, an
 * organisation after the figures — and the text before the figures is the category and the name.
 * What the row lacks of a merged column it takes from `carried`, the row above.
 */
function rowFromCells(no: number, cells: string[], columns: Column[], from: Line[], carried: Pick<RawRow, "category" | "nature" | "department">): RawRow {
  const row: RawRow = { no, line: from[0]!.line, from, category: null, name: "", unit: null, values: [], nature: null, department: null };
  const texts: string[] = [];
  for (const cell of cells) {
    if (NATURE_RE.test(cell) && has(columns, "nature")) row.nature = cell;
    else if (texts.length === 0) texts.push(cell);
    else if (has(columns, "department") && row.values.length > 0 && ORG_RE.test(cell)) row.department = cell;
    else if (has(columns, "unit") && row.values.length === 0 && row.unit === null && UNIT_RE.test(cell)) row.unit = cell;
    else if (VALUE_RE.test(cell)) row.values.push(cell);
    else if (row.values.length === 0) texts.push(cell);
    else row.values.push(cell);
  }
  const textColumns = columns.filter((c) => c.kind === "category" || c.kind === "name").length;
  if (texts.length >= 2 && textColumns >= 2) {
    row.category = texts[0]!;
    row.name = texts.slice(1).join("");
  } else {
    row.name = texts.join("");
    row.category = has(columns, "category") ? carried.category : null;
  }
  if (row.nature === null && has(columns, "nature")) row.nature = carried.nature;
  if (row.department === null && has(columns, "department")) row.department = carried.department;
  return row;
}

/** A row with one cell per column; an empty merged cell takes the value of the row above. */
function rowByColumns(cells: string[], columns: Column[], line: Line, carried: Pick<RawRow, "category" | "nature" | "department">): RawRow | null {
  const at = (kind: ColumnKind): string => {
    const k = columnIndex(columns, kind);
    return k >= 0 ? cells[k]! : "";
  };
  const no = at("no");
  if (!/^\d{1,3}$/.test(no)) return null;
  const merged = (kind: MergedKind): string | null => (has(columns, kind) ? at(kind) || carried[kind] : null);
  return {
    no: Number(no),
    line: line.line,
    from: [line],
    category: merged("category"),
    name: at("name"),
    unit: at("unit") || null,
    // an empty value cell is left out: assignValues places the figures a row has
    values: columns.flatMap((c, k) => ((c.kind === "baseline" || c.kind === "target" || c.kind === "actual") && cells[k] !== "" ? [cells[k]!] : [])),
    nature: merged("nature"),
    department: merged("department"),
  };
}

/** One piece of a streamed table body: a cell, a fragment of one, or a merged cell's text. */
interface Piece {
  text: string;
  line: number;
  /** the lines it was printed on */
  from: Line[];
  /** stacked or letter-spaced text: a narrow merged cell, never part of a name */
  merged: boolean;
}

/**
 * Lines → pieces. Whitespace separates cells in PDF text, but letter-spaced cells ("县 应 急 管" /
 * "理局") and narrow columns printed a character or two per line ("安" / "全" / "生" / "产") are one
 * cell each.
 */
function toPieces(lines: Line[], start: number, end: number): Piece[] {
  const pieces: Piece[] = [];
  let i = start;
  while (i < end) {
    const line = lines[i]!;
    const text = line.text.trim();
    if (SPACED.test(text)) {
      let merged = compact(text);
      const from = [line];
      const next = lines[i + 1]?.text.trim() ?? "";
      if (i + 1 < end && new RegExp(`^[${HAN}]{1,5}$`, "u").test(next)) {
        merged += next;
        from.push(lines[++i]!);
      }
      pieces.push({ text: merged, line: line.line, from, merged: true });
      i++;
      continue;
    }
    if (STACK_PIECE.test(text)) {
      let k = i;
      const stack: string[] = [];
      while (k < end && STACK_PIECE.test(lines[k]!.text.trim())) stack.push(lines[k++]!.text.trim());
      // The last piece of a stack may share its line with the next row ("指标 5 特种设备…").
      let tail: string[] | null = null;
      if (stack.length >= 2 && k < end) {
        const tokens = lines[k]!.text.trim().split(/[\s\u3000]+/u);
        if (tokens.length >= 2 && STACK_PIECE.test(tokens[0]!) && /^\d{1,3}$/.test(tokens[1]!)) {
          stack.push(tokens[0]!);
          tail = tokens.slice(1);
        }
      }
      if (stack.length >= 2) {
        pieces.push({ text: stack.join(""), line: line.line, from: lines.slice(i, tail ? k + 1 : k), merged: true });
        if (tail) {
          for (const t of tail) pieces.push({ text: t, line: lines[k]!.line, from: [lines[k]!], merged: false });
          k++;
        }
        i = k;
        continue;
      }
    }
    for (const t of text.split(/[\s\u3000]+/u)) if (t !== "") pieces.push({ text: t, line: line.line, from: [line], merged: false });
    i++;
  }
  return pieces;
}

/** Streamed rows; merged cells are recorded where printed and spread afterwards. */
function readStreamRows(pieces: Piece[], columns: Column[]): { rows: RawRow[]; anchors: Map<MergedKind, Map<number, string>>; printedOn: Map<MergedKind, Map<number, Line[]>> } {
  const rows: RawRow[] = [];
  const anchors = new Map<MergedKind, Map<number, string>>([
    ["category", new Map()],
    ["department", new Map()],
    ["nature", new Map()],
  ]);
  /** the lines each anchored merged cell was printed on */
  const printedOn = new Map<MergedKind, Map<number, Line[]>>([...anchors.keys()].map((k) => [k, new Map()]));
  const position = (kind: ColumnKind) => columnIndex(columns, kind);
  /** highest column index the row has filled so far */
  let reached = -1;
  let row: RawRow | null = null;
  let pendingValue = "";
  let pendingMerged: Array<{ kind: MergedKind; text: string; from: Line[] }> = [];
  const valueColumn = Math.max(position("baseline"), position("target"));

  const flushValue = () => {
    if (row && pendingValue !== "") row.values.push(pendingValue);
    pendingValue = "";
  };
  const record = (kind: MergedKind, no: number, text: string, from: Line[]) => {
    const map = anchors.get(kind)!;
    map.set(no, (map.get(no) ?? "") + text);
    const lines = printedOn.get(kind)!;
    lines.set(no, [...(lines.get(no) ?? []), ...from]);
  };
  const anchor = (kind: MergedKind, text: string, from: Line[]) => {
    // Printed after cells to its right: it belongs to the next row, in that row's place.
    if (row === null || reached > position(kind)) pendingMerged.push({ kind, text, from });
    else record(kind, row.no, text, from);
  };
  const isRowStart = (k: number) => {
    const p = pieces[k]!;
    const expected = (row?.no ?? 0) + 1;
    if (p.merged || !/^\d{1,3}$/.test(p.text) || Number(p.text) !== expected) return false;
    if (row && row.values.length === 0 && pendingValue === "" && row.nature === null) return false;
    const next = pieces[k + 1];
    return next !== undefined && (next.merged || !VALUE_RE.test(next.text));
  };

  for (let k = 0; k < pieces.length; k++) {
    const p = pieces[k]!;
    if (isRowStart(k)) {
      flushValue();
      row = { no: Number(p.text), line: p.line, from: [...p.from], category: null, name: "", unit: null, values: [], nature: null, department: null };
      rows.push(row);
      reached = position("no");
      for (const m of pendingMerged) record(m.kind, row.no, m.text, m.from);
      pendingMerged = [];
      continue;
    }
    if (row === null) continue;
    const t = p.text;
    if (p.merged) {
      const kind: MergedKind = has(columns, "department") && ORG_RE.test(t) ? "department" : has(columns, "category") ? "category" : "department";
      if (has(columns, kind)) anchor(kind, t, p.from);
      continue;
    }
    if (NATURE_RE.test(t) && has(columns, "nature")) {
      flushValue();
      row.nature = t;
      row.from.push(...p.from);
      reached = Math.max(reached, position("nature"));
      continue;
    }
    const started = row.values.length > 0 || pendingValue !== "";
    if (!started && row.unit === null && has(columns, "unit") && row.name !== "" && UNIT_RE.test(t)) {
      row.unit = t;
      row.from.push(...p.from);
      reached = Math.max(reached, position("unit"));
      continue;
    }
    if (row.nature !== null || (started && has(columns, "department") && ORG_RE.test(t))) {
      flushValue();
      if (has(columns, "department")) anchor("department", t, p.from);
      continue;
    }
    if (VALUE_RE.test(t) && (row.name !== "" || row.values.length > 0)) {
      row.values.push(pendingValue + t);
      row.from.push(...p.from);
      pendingValue = "";
      reached = Math.max(reached, valueColumn);
      continue;
    }
    if (started) {
      // Words before a figure that a space or a wrap cut off ("下降" "35%", "年亡人数不超" "过" "5人").
      pendingValue += t;
      row.from.push(...p.from);
      continue;
    }
    row.name += t;
    row.from.push(...p.from);
    reached = Math.max(reached, position("name"));
  }
  flushValue();
  return { rows, anchors, printedOn };
}

/**
 * A merged cell printed at the last row it spans covers the rows back to the previous value printed
 * in its column; rows after the last printed value keep that value too.
 */
function spreadMerged(rows: RawRow[], field: MergedKind): void {
  let next: string | null = null;
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i]!;
    if (row[field] !== null) next = row[field];
    else if (next !== null) row[field] = next;
  }
  let last: string | null = null;
  for (const row of rows) {
    if (row[field] !== null) last = row[field];
    else row[field] = last;
  }
}

const MERGED_KINDS: readonly MergedKind[] = ["category", "nature", "department"];

/** Where a row printed a merged cell's text itself: its own lines, when they hold it. */
function printedInRow(rows: RawRow[]): (row: RawRow, kind: MergedKind) => Line[] | null {
  const own = new Map(rows.map((r) => [r, { lines: [...r.from], text: compact(r.from.map((l) => l.text).join("")) }]));
  return (row, kind) => {
    const o = own.get(row)!;
    return o.text.includes(compact(row[kind] ?? "")) ? o.lines : null;
  };
}

/**
 * Adds to each row the lines of the merged cells it shares with other rows, where they were printed:
 * on the row itself, or on the nearest row that printed the same text — searched first below it when
 * the table prints a merged cell at the last row it spans (PDF text), else above it (a rowspan).
 */
function addMergedLines(rows: RawRow[], printed: (row: RawRow, kind: MergedKind) => Line[] | null, printedBelow: boolean): void {
  const found = rows.map((row, i) =>
    MERGED_KINDS.flatMap((kind) => {
      if (row[kind] === null) return [];
      const here = printed(row, kind);
      if (here) return here;
      const below = rows.slice(i + 1);
      const above = rows.slice(0, i).reverse();
      for (const other of printedBelow ? [...below, ...above] : [...above, ...below]) {
        const there = other[kind] === row[kind] ? printed(other, kind) : null;
        if (there) return there;
      }
      return [];
    }),
  );
  rows.forEach((row, i) => row.from.push(...found[i]!));
}

// ---------------------------------------------------------------------------------------------
// Rows → Indicators

/** "注：带〔〕指标为五年平均数" declares which brackets mark five-year averages. */
function averageBrackets(footnote: string): string[] | undefined {
  const m = /带\s*([〔（(［\[【])\s*([〕）)］\]】])\s*(?:的)?指标(?:值)?为五年平均/u.exec(footnote);
  if (!m) return undefined;
  const pair = m[1]! + m[2]!;
  if (pair === "（）" || pair === "()") return ["（）", "()"];
  return [pair];
}

/** Which printed values are the baseline, the target (maybe split into 指标值/降幅) and the actual. */
function assignValues(values: string[], columns: Column[]): { baseline: string | null; targets: Array<{ raw: string; label: string }>; actual: string | null } {
  const valueColumns = columns.filter((c) => c.kind === "baseline" || c.kind === "target" || c.kind === "actual");
  const slots: Array<string | null> = valueColumns.map(() => null);
  if (values.length >= valueColumns.length) {
    values.slice(0, valueColumns.length).forEach((v, i) => (slots[i] = v));
  } else {
    // Fewer figures than columns: the target is the one a table never leaves out, then the baseline.
    const order = [
      ...valueColumns.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "target"),
      ...valueColumns.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "baseline"),
      ...valueColumns.map((c, i) => [c, i] as const).filter(([c]) => c.kind === "actual"),
    ].map(([, i]) => i);
    const chosen = order.slice(0, values.length).sort((a, b) => a - b);
    chosen.forEach((slot, i) => (slots[slot] = values[i]!));
  }
  // an empty cell (a row read by its columns keeps its place) holds no figure
  const pick = (kind: ColumnKind) =>
    valueColumns.flatMap((c, i) => (c.kind === kind && slots[i] !== null && slots[i] !== "" ? [{ raw: slots[i]!, label: c.label }] : []));
  return { baseline: pick("baseline")[0]?.raw ?? null, targets: pick("target"), actual: pick("actual")[0]?.raw ?? null };
}

/**
 * Of a target split into 指标值 and 降幅, the sub-column that holds a figure is the target; a figure
 * under 降幅/增幅 is a change even when printed bare ("44%" under 降幅 = down 44%).
 */
function chooseTarget(targets: Array<{ raw: string; label: string }>): { raw: string; change: Value["change"] } | null {
  const chosen = targets.find((t) => /\d/.test(t.raw) || /不发生|杜绝/.test(t.raw)) ?? targets[0];
  if (!chosen) return null;
  const change = /降幅|减幅/.test(chosen.label) ? "decrease" : /增幅/.test(chosen.label) ? "increase" : null;
  return { raw: chosen.raw, change };
}

function toIndicator(row: RawRow, table: Found, period: "13th" | "14th", brackets: string[] | undefined, source: string): Indicator {
  const { baseline, targets, actual } = assignValues(row.values, table.columns);
  const chosen = chooseTarget(targets);
  const value = (raw: string | null): Value | null => (raw === null ? null : parseValue(raw, { averageBrackets: brackets }));
  const target = value(chosen?.raw ?? null);
  if (target && chosen?.change && target.change === null) target.change = chosen.change;
  const indicator: Indicator = {
    table: table.caption,
    period,
    // as printed: a table that does not number its rows gives none
    no: numbersRows(table.columns) ? row.no : null,
    category: row.category,
    name: row.name,
    canonicalId: matchIndicator(row.name)?.id ?? null,
    unit: row.unit,
    baseline: value(baseline),
    target,
    nature: row.nature === null ? null : NATURE[row.nature] ?? null,
    department: row.department,
    at: atOf(source, row.from),
  };
  if (has(table.columns, "actual")) indicator.actual = value(actual);
  return indicator;
}

export function extractIndicators(lines: Line[], source: string, skip: Set<number> = new Set()): IndicatorTables {
  const indicators: Indicator[] = [];
  const notes: Note[] = [];
  const consumed = new Set<number>();
  for (const table of findTables(lines, skip)) {
    const tab = lines[table.bodyStart]!.text.includes("\t");
    let rows: RawRow[];
    let end: number;
    const byHeader = tab && table.bodyStart === table.headerIndex + 1 ? headerColumns(lines[table.headerIndex]!.text) : null;
    if (byHeader) {
      ({ rows, end } = readRowsByHeader(lines, table.bodyStart, byHeader));
      table.columns = byHeader;
      addMergedLines(rows, printedInRow(rows), false);
    } else if (tab) {
      ({ rows, end } = readTabRows(lines, table.bodyStart, table.columns));
      addMergedLines(rows, printedInRow(rows), false);
    } else if (!numbersRows(table.columns)) {
      ({ rows, end } = readStackedRows(lines, table.bodyStart, table.columns));
      addMergedLines(rows, printedInRow(rows), false);
    } else {
      end = table.bodyStart;
      while (end < lines.length && !endsBody(lines[end]!.text)) end++;
      const streamed = readStreamRows(toPieces(lines, table.bodyStart, end), table.columns);
      rows = streamed.rows;
      for (const [kind, printed] of streamed.anchors) {
        for (const row of rows) if (printed.has(row.no)) row[kind] = printed.get(row.no)!;
        if (rows.some((r) => r[kind] !== null)) spreadMerged(rows, kind);
        if (printed.size > 0) {
          notes.push(
            note("merged-cells", source, lines[table.bodyStart]!.line,
              `${table.caption ?? "indicator table"}: ${kind} printed once per merged cell (${[...printed.entries()].map(([no, t]) => `${t}@${no}`).join(", ")}); each covers the rows back to the previous one`),
          );
        }
      }
      addMergedLines(rows, (row, kind) => streamed.printedOn.get(kind)!.get(row.no) ?? null, true);
    }
    if (rows.length === 0) continue;
    // The footnote that follows may say which brackets mean five-year averages.
    let brackets: string[] | undefined;
    if (end < lines.length && FOOTNOTE_RE.test(lines[end]!.text.trim())) {
      brackets = averageBrackets(lines[end]!.text);
      consumed.add(end);
    }
    const period = periodOf(table.caption ?? "", table.header);
    for (const row of rows) {
      if (row.name === "") {
        notes.push(note("indicator-without-name", source, row.line, `row ${row.no} of ${table.caption ?? "an indicator table"} has no indicator name; dropped`));
        continue;
      }
      indicators.push(toIndicator(row, table, period, brackets, source));
    }
    const expectedRows = rows[rows.length - 1]!.no;
    if (expectedRows !== rows.length) {
      notes.push(note("indicator-rows-missing", source, lines[table.bodyStart]!.line, `${table.caption ?? "indicator table"}: numbered up to ${expectedRows} but ${rows.length} rows were read`));
    }
    for (let i = table.captionIndex ?? table.headerIndex; i < end; i++) consumed.add(i);
  }
  return { indicators, notes, consumed };
}
