// Test helpers: project files by path relative to the repository root, and the CLI run as a user
// runs it, without blocking the test's thread.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { inject } from "vitest";
import { cacheFolder } from "../src/commands/ingest.js";

export const root = new URL("../", import.meta.url);
export const readBytes = (rel: string): Uint8Array => readFileSync(new URL(rel, root));
export const readText = (rel: string): string => readFileSync(new URL(rel, root), "utf8");
export const seedNames = (): string[] => readdirSync(new URL("seeds/", root)).filter((f) => !f.startsWith(".")).sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readExpected = (slug: string): any => JSON.parse(readText(`fixtures/expected/${slug}.json`));

export const bin = fileURLToPath(new URL("bin/plans.js", root));
export const repo = fileURLToPath(root);
export const tmp = (prefix = "plans-test-"): string => mkdtempSync(join(tmpdir(), prefix));

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** a bash command line instead of plans' arguments */
  shell?: string;
  /** written to stdin, which is then closed */
  input?: string | Uint8Array;
}

/** `plans ...args` from the repository root (NO_COLOR set), or a shell command line. */
export function runCli(args: string[], options: RunOptions = {}): Promise<Run> {
  const [cmd, argv] = options.shell !== undefined ? ["bash", ["-c", options.shell]] : [process.execPath, [bin, ...args]];
  return new Promise((resolve, reject) => {
    // a variable set to undefined is left out of the child's environment
    const env = Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: "1", ...options.env }).filter(([, v]) => v !== undefined));
    const child = spawn(cmd, argv, { cwd: options.cwd ?? repo, env });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
    child.stdin.on("error", () => {});
    child.stdin.end(options.input);
  });
}

/** The files of a folder with their contents; hidden files and folders left out. */
export const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.startsWith("."))
      .map((e) => e.name)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );

/** Gives the output folder `out` the cache that `plans ingest seeds/` keeps (built once by the global
 *  setup), as a user's second run would find it: seed files are then read from the cache, and no
 *  run loads nodejieba's dictionaries again (some 3 s of CPU each). For tests about what the CLI
 *  does with folders and files; tests about parsing, caching or timing run cold. */
export function warmCache(out: string): void {
  cpSync(inject("seedCache"), cacheFolder(out), { recursive: true });
}
