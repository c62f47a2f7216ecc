// Terminal text: tables (CJK-width aware, by cli-table3) and wrapping to a display width. Low in
// the house, so that renderers and commands alike draw with it; it writes nothing itself.
import Table from "cli-table3";
import wrapAnsi from "wrap-ansi";

export interface TableOptions {
  /** column widths in terminal cells, borders' padding included; long cells wrap to fit */
  colWidths?: number[];
}

/** Wraps text to a display width, CJK-aware, keeping its own line breaks and color codes (wrap-ansi). */
export function wrapToWidth(text: string, width: number): string {
  return wrapAnsi(text, width, { hard: true });
}

export function table(head: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = options.colWidths;
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
