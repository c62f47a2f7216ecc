// Terminal furniture for the CLI: tables (CJK-width aware, by cli-table3) and a progress bar on
// stderr that shows only on a TTY (by cli-progress); nothing here writes to stdout.
import cliProgress from "cli-progress";
import Table from "cli-table3";

export function table(head: string[], rows: string[][]): string {
  const t = new Table({ head, style: { head: [], border: [] } });
  t.push(...rows);
  // one rule under the header, none between body rows: one line per row, as xsv's tables read
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
  return {
    tick: (i, label) => bar.update(i + 1, { file: label }),
    done: () => bar.stop(),
  };
}
