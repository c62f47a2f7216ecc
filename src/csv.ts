// CSV as plans writes it, for the dataset's tables and compare's reports alike: one header row,
// "\n" records, cells that Excel would run as formulas neutralized, a BOM on files (Excel reads
// UTF-8 Chinese only with one).
import { stringify } from "csv-stringify/sync";

export const BOM = "\ufeff";

/**
 * Excel runs a cell that starts with = + - @ (or a tab/CR) as a formula: plan text is untrusted. A
 * lone sign (the "=" of an op column) carries no formula and stays as it is, as do plain numbers.
 */
export function neutralizeCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  if (s.length > 1 && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?%?$/.test(s)) return `'${s}`;
  return s;
}

/** CSV records without a header: a body, or a chunk appended to one. */
export function csvRecords(rows: unknown[][]): string {
  return rows.length ? stringify(rows.map((r) => r.map(neutralizeCell)), { record_delimiter: "\n" }) : "";
}

/** A whole CSV file: BOM, header, records. */
export function csv(header: string[], rows: unknown[][]): string {
  return BOM + csvRecords([header, ...rows]);
}
