// The CLI's own I/O helpers: reading inputs with errors that name the file, and the exit codes of
// shared/DESIGN.md (0 ok, 1 drift or missing comparison target, 2 bad usage or unreadable input).
import { readFileSync, statSync } from "node:fs";

export const EXIT = { ok: 0, drift: 1, usage: 2 } as const;

/** An error the user caused or can fix: printed as one line, no stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: number = EXIT.usage) {
    super(message);
  }
}

export function readInput(path: string): Uint8Array {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${code ?? String(e)})`);
  }
  if (!isFile) throw new UserError(`${path}: not a regular file`);
  try {
    return readFileSync(path);
  } catch (e) {
    throw new UserError(`${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
