// The progress bar of a long command: on stderr, only on a TTY (by cli-progress); nothing here
// writes to stdout. Each file counts twice, when it is parsed and when it is done (its keywords
// computed), so the bar moves from the first parsed file on, while nodejieba's dictionaries load.
import cliProgress from "cli-progress";
import { onInterrupt } from "./interrupt.js";
import type { Output } from "./io.js";

export interface Progress {
  step(kind: "parsed" | "done", label: string): void;
  done(): void;
}

const SILENT: Progress = { step: () => {}, done: () => {} };

/** How often the bar is redrawn, at most. */
const FPS = 8;

export function progress(stream: Output, total: number): Progress {
  if (!stream.isTTY || total < 2) return SILENT;
  const bar = new cliProgress.SingleBar(
    {
      // a terminal: the process's own stderr, which moves the cursor as cli-progress needs
      stream: stream as NodeJS.WriteStream,
      format: "ingest [{bar}] {files}/{total_files} files · {rate} files/s · ETA {eta_text} · {file}",
      hideCursor: true,
      clearOnComplete: true,
      fps: FPS,
    },
    cliProgress.Presets.shades_classic,
  );
  const t0 = performance.now();
  let finished = 0;
  let steps = 0;
  const payload = (file: string) => {
    const seconds = (performance.now() - t0) / 1000;
    // the rate and ETA count steps (two per file), which move from the start
    const perSecond = seconds > 0 ? steps / 2 / seconds : 0;
    const left = perSecond > 0 ? Math.round((total - steps / 2) / perSecond) : null;
    return { file, files: finished, total_files: total, rate: perSecond.toFixed(1), eta_text: left === null ? "…" : left >= 60 ? `${Math.floor(left / 60)}m${String(left % 60).padStart(2, "0")}s` : `${left}s` };
  };
  bar.start(2 * total, 0, payload(""));
  // cli-progress hid the cursor and turned line wrap off: Ctrl-C must give them back
  const forget = onInterrupt(() => bar.stop());
  return {
    step: (kind, label) => {
      steps++;
      if (kind === "done") finished++;
      bar.update(steps, payload(label));
    },
    done: () => {
      forget();
      bar.stop();
    },
  };
}
