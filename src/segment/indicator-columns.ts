// Indicator rows read by their header, column by column: tables lay their columns out in any order
// and under many names (类别 | 序号 | 指标 | 属性 | 2025年目标值 | 2020年基期值 | 责任单位). Each header
// cell is one column whose kind its words tell (indicator-header.ts); each row's cells go to the
// columns in order. A row short of cells lost its merged cells (a rowspan flattened to text) —
// category, nature, department — which it takes from the row above.
import type { Line } from "../model.js";
import { parseHeader, type Column, type ColumnKind } from "./indicator-header.js";

/** A table row as read, before its cells become Values: the cells of each kind, values in header
 *  order. */
export interface RawRow {
  no: number;
  line: number;
  /** the lines its cells were read from (a merged cell printed on another row's: see indicators.ts) */
  from: Line[];
  category: string | null;
  name: string;
  unit: string | null;
  values: string[];
  nature: string | null;
  department: string | null;
}

/** Columns a rowspan can merge, in the order a short row is assumed to have lost them. */
const MERGEABLE: ReadonlySet<ColumnKind> = new Set(["category", "nature", "department"]);
const VALUE_KINDS: ReadonlySet<ColumnKind> = new Set(["baseline", "target", "actual"]);

/** A remarks column, which a table may add after its figures. Known only cell by cell: in a header
 *  read as one run of text its word is skipped, as before. */
const REMARK_CELL = /^(?:备注|说明)$/u;

/** A header cell that is a year and nothing else ("2020年", "2025"): the year of a column of figures. */
const YEAR_CELL = /^(20\d\d)年?$/u;

/** The last year of the 13th plan: bare years up to it are years past, not a target. */
const PAST_PLAN_END = 2020;

/** Whether a header cell is a bare year, or a remarks column's word: cells headerColumns knows
 *  that are no column word of parseHeader's. */
export const isYearOrRemarkCell = (cell: string): boolean => YEAR_CELL.test(cell) || REMARK_CELL.test(cell);

/** What a bare year heads: the latest year is the target, unless another cell names the target;
 *  an earlier one is the baseline ("2020年 | 2025年", "2020年 | 2025年目标"). Null when only
 *  years past head the figures ("2019年 | 2020年"): a table of statistics, not of targets. */
function yearColumn(year: number, cells: string[], explicitTarget: boolean): ColumnKind | null {
  const latest = Math.max(...cells.flatMap((c) => YEAR_CELL.exec(c)?.slice(1).map(Number) ?? []));
  if (!explicitTarget && latest <= PAST_PLAN_END) return null;
  return !explicitTarget && year === latest ? "target" : "baseline";
}

/**
 * The header's cells as columns, when each cell names exactly one column and together they name
 * indicators: with a 序号 column, or without one (a table that does not number its rows) with a
 * column of figures. Null otherwise (a two-storey header, a cell the vocabulary does not know).
 */
export function headerColumns(headerLine: string): Column[] | null {
  const cells = headerLine.split("\t").map((c) => c.trim()).filter((c) => c !== "");
  if (cells.length < 3) return null;
  const named = cells.map((cell) => (YEAR_CELL.test(cell) ? null : REMARK_CELL.test(cell) ? [{ kind: "remark" as const, label: cell }] : parseHeader(cell)));
  if (named.some((found) => found !== null && found.length !== 1)) return null;
  const explicitTarget = named.some((found) => found?.[0]!.kind === "target");
  const kindsOfYears = cells.map((cell) => (YEAR_CELL.test(cell) ? yearColumn(Number(YEAR_CELL.exec(cell)![1]), cells, explicitTarget) : null));
  if (kindsOfYears.some((kind, k) => kind === null && named[k] === null)) return null;
  const columns: Column[] = cells.map((cell, k) => named[k]?.[0] ?? { kind: kindsOfYears[k]!, label: cell });
  const kinds = columns.map((c) => c.kind);
  if (!kinds.includes("name") || new Set(kinds).size !== kinds.length) return null;
  return kinds.includes("no") || kinds.includes("target") || kinds.includes("baseline") ? columns : null;
}

/** Whether rows under these columns carry their number (a 序号 column). */
export const numbersRows = (columns: Column[]): boolean => columns.some((c) => c.kind === "no");

/**
 * Rows of TAB cells under a one-line header; stops at the first line that is not such a row. A
 * table that does not number its rows ends at a row without an indicator name or at another
 * header; its rows are numbered here in order, for notes and merged cells (the indicators they
 * become have no number: see indicators.ts).
 */
export function readRowsByHeader(lines: Line[], start: number, columns: Column[]): { rows: RawRow[]; end: number } {
  const numbered = numbersRows(columns);
  const rows: RawRow[] = [];
  let carried: Pick<RawRow, "category" | "nature" | "department"> = { category: null, nature: null, department: null };
  let i = start;
  for (; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.includes("\t")) break;
    const cells = text.split("\t").map((c) => c.trim());
    // trailing empty cells beyond the columns are a writer's extra tabs; within them, empty cells
    while (cells.length > columns.length && cells[cells.length - 1] === "") cells.pop();
    if (cells.length > columns.length || cells.length < columns.length - [...columns].filter((c) => MERGEABLE.has(c.kind)).length) break;
    // the columns this row prints: all of them, less the first mergeable ones it is short of
    let missing = columns.length - cells.length;
    const present = columns.filter((c) => !(MERGEABLE.has(c.kind) && missing > 0 && missing-- > 0));
    const cell = (kind: ColumnKind) => {
      const k = present.findIndex((c) => c.kind === kind);
      return k >= 0 ? cells[k] ?? null : null;
    };
    const no = cell("no");
    if (numbered ? !no || !/^\d{1,3}$/.test(no) : !cell("name") || headerColumns(text) !== null) break;
    const row: RawRow = {
      no: numbered ? Number(no) : rows.length + 1,
      line: lines[i]!.line,
      from: [lines[i]!],
      category: cell("category") || (columns.some((c) => c.kind === "category") ? carried.category : null),
      name: cell("name") ?? "",
      unit: cell("unit") || null,
      values: present.flatMap((c, k) => (VALUE_KINDS.has(c.kind) ? [cells[k] ?? ""] : [])),
      nature: cell("nature") || (columns.some((c) => c.kind === "nature") ? carried.nature : null),
      department: cell("department") || (columns.some((c) => c.kind === "department") ? carried.department : null),
    };
    carried = { category: row.category, nature: row.nature, department: row.department };
    rows.push(row);
  }
  return { rows, end: i };
}
