// Terminal furniture for the CLI: tables (CJK-width aware, by cli-table3) and a progress bar on
// stderr that shows only on a TTY (by cli-progress); nothing here writes to stdout.
import cliProgress from "cli-progress";
import Table from "cli-table3";

export interface TableOptions {
  /** column widths in terminal cells, borders' padding included; long cells wrap to fit */
  colWidths?: number[];
}

/** Terminal cells a character takes: two for CJK and full-width forms, none for combining marks. */
export function charWidth(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x20 || (c >= 0x300 && c < 0x370) || c === 0x200b) return 0;
  if (
    (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) || (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) ||
    (c >= 0x20000 && c <= 0x3fffd)
  )
    return 2;
  return 1;
}

const ANSI = /\u001b\[[0-9;]*m/g;

const textWidth = (s: string): number => [...s.replace(ANSI, "")].reduce((n, ch) => n + charWidth(ch), 0);

/**
 * Wraps text to a display width, CJK-aware: Latin words move whole to the next line when they fit
 * there, CJK breaks between any two characters, a word longer than the line is cut. Keeps the
 * text's own line breaks; color codes take no width.
 */
export function wrapToWidth(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let cur = "";
    let w = 0;
    const tokens = line.match(/\u001b\[[0-9;]*m|[A-Za-z0-9.,;:%'"()\-]+|\s+|./gsu) ?? [];
    for (const token of tokens) {
      const tw = textWidth(token);
      if (tw === 0 || w + tw <= width) {
        if (!(w === 0 && /^\s+$/.test(token))) {
          cur += token;
          w += tw;
        }
        continue;
      }
      if (/^\s+$/.test(token)) {
        out.push(cur);
        cur = "";
        w = 0;
        continue;
      }
      if (tw <= width && w > 0) {
        out.push(cur.replace(/\s+$/, ""));
        cur = token;
        w = tw;
        continue;
      }
      for (const ch of token) {
        const cw = charWidth(ch);
        if (w + cw > width && w > 0) {
          out.push(cur);
          cur = "";
          w = 0;
        }
        cur += ch;
        w += cw;
      }
    }
    out.push(cur);
  }
  return out.join("\n");
}

export function table(head: string[], rows: string[][], options: TableOptions = {}): string {
  const widths = options.colWidths;
  // cli-table3 measures CJK width but its own wrapping cuts CJK lines short: wrap here instead
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
  return {
    tick: (i, label) => bar.update(i + 1, { file: label }),
    done: () => bar.stop(),
  };
}
