// Every exit code plans gives, and how an error becomes one, in one place (the README's reference
// lists them). Commands return an ExitCode from run(); what they throw ends here.

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
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.usage,
  ) {
    super(message);
  }
}

/** The reason in a system error's message ("ENOSPC: no space left on device, write" → "no space
 *  left on device"), or its code. */
export function systemReason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const m = /^E[A-Z]+: ([^,]+)/.exec(err?.message ?? "");
  return m ? m[1]! : (err?.code ?? String(e));
}

/** A system error (permission, read-only, disk full, …) raised while writing `path`, as one line. */
export function cannotWrite(path: string, e: unknown): UserError {
  return new UserError(`${path}: cannot write (${systemReason(e)})`);
}

/** Whether `e` is an error of the operating system (it has an errno code), not a bug. */
export const isSystemError = (e: unknown): e is NodeJS.ErrnoException =>
  typeof (e as NodeJS.ErrnoException)?.code === "string" && /^E[A-Z]+$/.test((e as NodeJS.ErrnoException).code!);

/** What to print for an error that ended a command (after "plans: "), and the exit code. */
export function exitFor(e: unknown): { message: string; code: ExitCode } {
  if (e instanceof UserError) return { message: e.message, code: e.exitCode };
  // the system refused something plans did not expect to fail (it names the path): not a bug
  if (isSystemError(e)) return { message: `${e.path ? `${e.path}: ` : ""}${e.syscall ?? "a system call"} failed (${systemReason(e)})`, code: EXIT.usage };
  return { message: `internal error: ${(e as Error)?.stack ?? String(e)}`, code: EXIT.software };
}
