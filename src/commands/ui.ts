// The progress bar of a long command: on stderr, only on a TTY (by cli-progress); nothing here
// writes to stdout.
import cliProgress from "cli-progress";
import { onInterrupt } from "./interrupt.js";

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
