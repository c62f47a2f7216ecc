// Ctrl-C: what a command was doing is undone, the terminal is put back as it was (a progress bar
// hides the cursor and turns line wrap off), one line says what happened, and plans exits 130.
import { EXIT } from "./exit.js";

interface Interruptible {
  undo: () => void;
  /** what the line says after "plans: ", when this work is what was interrupted */
  message?: string;
}

const active: Interruptible[] = [];

/** Shows the cursor and turns line wrap back on, on a terminal. */
function restoreTerminal(): void {
  if (process.stderr.isTTY) process.stderr.write("\x1b[?25h\x1b[?7h");
}

/** Undoes and exits in one go, without returning to the event loop: no other code of the command
 *  runs after Ctrl-C (undo functions do their work synchronously, as KeywordWorker.stopNow does). */
function onSigint(): void {
  const message = [...active].reverse().find((a) => a.message)?.message ?? "interrupted";
  for (const a of [...active].reverse()) {
    try {
      a.undo();
    } catch {
      // what could not be undone here, the next run tidies (see recoverInterrupted)
    }
  }
  restoreTerminal();
  // on a terminal the ^C the user typed ends the line the progress bar was on
  process.stderr.write(`${process.stderr.isTTY ? "\n" : ""}plans: ${message}\n`);
  process.exit(EXIT.interrupted);
}

/** From now on Ctrl-C is handled here (the CLI calls this once, first). */
export function handleInterrupts(): void {
  process.on("SIGINT", onSigint);
}

/** Until the returned function is called, Ctrl-C runs `undo` (and says `message`); the latest
 *  registered is undone first. */
export function onInterrupt(undo: () => void, message?: string): () => void {
  const entry: Interruptible = { undo, message };
  active.push(entry);
  return () => {
    const i = active.indexOf(entry);
    if (i >= 0) active.splice(i, 1);
  };
}
