// Terminal text: tables (CJK-width aware, by cli-table3) that fit their content and the terminal,
// wrapping to a display width, the terminal's width, and color as the user asked for it. Low in the
// house, so that renderers and commands alike draw with it; it writes nothing itself.
import { Chalk, type ChalkInstance } from "chalk";
import Table from "cli-table3";
import stringWidth from "string-width";
import wrapAnsi from "wrap-ansi";

export type ColorMode = "auto" | "always" | "never";
export const COLOR_MODES: readonly ColorMode[] = ["auto", "always", "never"];

/** Whether to color what goes to `stream`: --color always/never (`mode`), else NO_COLOR (any value)
 *  and FORCE_COLOR, else whether the stream is a terminal. */
export function colorOn(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, mode: ColorMode = "auto"): boolean {
  if (mode !== "auto") return mode === "always";
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return stream.isTTY === true;
}

/** Colors for what goes to `stream` (none when colorOn says no). */
export function paint(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv, mode: ColorMode = "auto"): ChalkInstance {
  return new Chalk({ level: colorOn(stream, env, mode) ? 1 : 0 });
}

/** Where nothing tells the width, a table is laid out for this many columns. */
const FALLBACK_WIDTH = 100;

/** The width to lay tables out for: COLUMNS, else the terminal's of the first stream that is one
 *  (stdout, then stderr), else 100. */
export function terminalWidth(env: NodeJS.ProcessEnv, streams: Array<{ isTTY?: boolean; columns?: number }>): number {
  const columns = Number(env.COLUMNS);
  if (Number.isInteger(columns) && columns > 0) return columns;
  for (const s of streams) if (s.isTTY && s.columns && s.columns > 0) return s.columns;
  return FALLBACK_WIDTH;
}

/** Wraps text to a display width, CJK-aware, keeping its own line breaks and color codes (wrap-ansi). */
export function wrapToWidth(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: true });
}

export interface TableOptions {
  /** the most each column may take, in terminal cells, borders' padding included; long cells wrap
   *  to fit, and a column narrower than that takes only what its cells need */
  colWidths?: number[];
  /** take colWidths as they are (stacked tables must share their widths) */
  exact?: boolean;
}

/** The display width a cell needs: its widest line, color codes not counted. */
const cellWidth = (cell: string) => Math.max(0, ...cell.split("\n").map((l) => stringWidth(l)));

/** Column widths no wider than the cells need (their padding of 2 included). */
export function fitWidths(head: string[], rows: string[][], widths: number[]): number[] {
  return widths.map((w, i) => Math.max(3, Math.min(w, Math.max(cellWidth(head[i] ?? ""), ...rows.map((r) => cellWidth(r[i] ?? ""))) + 2)));
}

export function table(head: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = options.colWidths && !options.exact ? fitWidths(head, rows, options.colWidths) : options.colWidths;
  // cli-table3 measures CJK width but its own wrapping cuts CJK lines short: wrap with wrap-ansi instead
  const fit = (cells: string[]) => (widths ? cells.map((c, i) => wrapToWidth(c, Math.max(1, (widths[i] ?? 10) - 2))) : cells);
  const t = new Table({ head: fit(head), style: { head: [], border: [] }, ...(widths ? { colWidths: widths } : {}) });
  const body = rows.map(fit);
  t.push(...body);
  // One rule under the header; between body rows only when a row spans several lines. One line per
  // row reads like xsv's tables.
  if (body.some((r) => r.some((c) => c.includes("\n")))) return t.toString();
  let rules = 0;
  return t
    .toString()
    .split("\n")
    .filter((line) => !line.startsWith("├") || rules++ === 0)
    .join("\n");
}

/** Rows as tab-separated lines, for a pipe (tabs and line breaks inside cells become spaces). */
export function tsv(head: string[], rows: string[][]): string {
  return [head, ...rows].map((r) => r.map((c) => c.replace(/[\t\r\n]+/g, " ")).join("\t")).join("\n") + "\n";
}
