// Terminal furniture for the CLI: tables (CJK-width aware, by cli-table3) and a progress bar on
// stderr that shows only on a TTY (by cli-progress); nothing here writes to stdout.
import cliProgress from "cli-progress";
import Table from "cli-table3";
import wrapAnsi from "wrap-ansi";
import { onInterrupt } from "./interrupt.js";

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

export interface Progress {
  tick(index: number, label: string): void;
  done(): void;
}

export function progress(total: number): Progress {
  if (!process.stderr.isTTY || total < 2) return { tick: () => {}, done: () => {} };
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: "ingest [{bar}] {value}/{total} {file}", hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { file: "" });
  // cli-progress hid the cursor and turned line wrap off: Ctrl-C must give them back
  const forget = onInterrupt(() => bar.stop());
  return {
    tick: (i, label) => bar.update(i + 1, { file: label }),
    done: () => {
      forget();
      bar.stop();
    },
  };
}
