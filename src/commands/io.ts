// What one run of plans is given by whoever starts it: its arguments, its standard streams and its
// environment. The executable hands over the process's own (processIo); a test hands over its own
// and runs commands in its own process. Files are read and written relative to the process's
// working folder either way.

import type { WarmWorkers } from "../dataset/warm.js";

/** Where a command writes text: stdout or stderr, a terminal or not. */
export interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  /** a terminal's width in columns */
  readonly columns?: number;
}

export interface Io {
  /** the arguments after `plans` */
  readonly args: readonly string[];
  readonly stdin: NodeJS.ReadableStream;
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: NodeJS.ProcessEnv;
  /** the keyword process and parse workers a host keeps warm for all its runs (the tests do),
   *  instead of an ingest's own */
  readonly workers?: WarmWorkers;
}

/** The process's own arguments, streams and environment. */
export const processIo = (argv: readonly string[] = process.argv): Io => ({
  args: argv.slice(2),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
});
