// The CLI's own I/O helpers: reading inputs with errors that name the file, the exit codes of
// shared/DESIGN.md, and the one-line errors a user can act on.
import { readFileSync, statSync } from "node:fs";

/** Every exit code plans gives, in one place (the README's reference lists them). */
export const EXIT = {
  ok: 0,
  /** --check found drift, --strict saw a skipped file, a county to compare is not in the dataset */
  drift: 1,
  /** bad usage, an unreadable input, an output that cannot be written, an incomplete install */
  usage: 2,
  /** a bug: plans printed a stack trace */
  software: 70,
  /** Ctrl-C (SIGINT) */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user caused or can fix: printed as one line, no stack trace. */
export class UserError extends Error {
  constructor(message: string, readonly exitCode: ExitCode = EXIT.usage) {
    super(message);
  }
}

/** The reason in a system error's message ("ENOSPC: no space left on device, write" → "no space
 *  left on device"), or its code. */
export function systemReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const m = /^E[A-Z]+: ([^,]+)/.exec(err?.message ?? "");
  return m ? m[1]! : err?.code ?? String(e);
}

/** A system error (permission, read-only, disk full, …) raised while writing `path`, as one line. */
export function cannotWrite(path: string, e: unknown): UserError {
  return new UserError(`${path}: cannot write (${systemReason(e)})`);
}

/** Whether `e` is an error of the operating system (it has an errno code), not a bug. */
export const isSystemError = (e: unknown): e is NodeJS.ErrnoException => typeof (e as NodeJS.ErrnoException)?.code === "string" && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);

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
