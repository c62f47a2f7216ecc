// Test helpers: project files by path relative to the repository root, and the CLI run as a user
// runs it: in the tests' process through main() (fast: the modules are loaded once), or as a
// process of its own where the process itself is what is tested.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath, pathToFileURL } from "node:url";
import { inject } from "vitest";
import { cacheFolder } from "../src/commands/ingest.js";
import type { WarmWorkers } from "../src/dataset/warm.js";

export const root = new URL("../", import.meta.url);
export const readBytes = (rel: string): Uint8Array => readFileSync(new URL(rel, root));
export const readText = (rel: string): string => readFileSync(new URL(rel, root), "utf8");
export const seedNames = (): string[] => readdirSync(new URL("seeds/", root)).filter((f) => !f.startsWith(".")).sort();
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const readExpected = (slug: string): any => JSON.parse(readText(`fixtures/expected/${slug}.json`));

export const bin = fileURLToPath(new URL("bin/plans.js", root));
export const repo = fileURLToPath(root);
/** A new empty folder, inside the run's scratch folder that the global setup removes when the run
 *  ends (a run used to leave some fifty folders in /tmp). */
export const tmp = (prefix = "plans-test-"): string => mkdtempSync(join(inject("scratch"), prefix));

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr as a terminal would show them together, in the order written */
  output: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** what stdin gives, then its end (none by default) */
  input?: string | Uint8Array;
}

/** The tests' environment with NO_COLOR set and `extra` over it; a variable set to undefined in
 *  `extra` is left out. */
const environment = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv =>
  Object.fromEntries(Object.entries({ ...process.env, NO_COLOR: "1", ...extra }).filter(([, v]) => v !== undefined));

/** The variables a run in the tests' process gets through its Io. Any other (TZ, LANG,
 *  PLANS_PARSE_HEAP_MB, …) acts on a whole process: a test of one spawns plans (spawnCli). */
const IO_VARIABLES = new Set(["NO_COLOR", "FORCE_COLOR", "COLUMNS"]);

/** The runs in this process, one at a time: each works in its own folder (process.chdir). */
let queue: Promise<unknown> = Promise.resolve();

/** One keyword process and warm parse workers for all the runs in this process, as a host that
 *  runs many builds keeps them: nodejieba's dictionaries and the pipeline load once. They end with
 *  the test process. */
let workers: WarmWorkers | null = null;

/**
 * `plans ...args` run by the CLI's main() in this process, as the executable runs it, with the
 * test's streams (not terminals) and NO_COLOR set, from the repository root or `cwd`. For what plans
 * writes, says and exits with; a test of signals, terminals, pipes or the process's environment
 * runs the executable (spawnCli).
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<Run> {
  return runTogether([args], options).then(([r]) => r!);
}

/** Several `plans` runs through main() at the same moment in this process, as a host that runs
 *  builds side by side would make them; each as runCli makes one. */
export function runTogether(runs: string[][], options: RunOptions = {}): Promise<Run[]> {
  for (const k of Object.keys(options.env ?? {})) if (!IO_VARIABLES.has(k)) throw new Error(`runCli: ${k} acts on the whole process; use spawnCli`);
  const together = async (): Promise<Run[]> => {
    const { main } = (await import(pathToFileURL(join(repo, "dist/cli.js")).href)) as typeof import("../src/cli.js");
    const { warmWorkers } = (await import(pathToFileURL(join(repo, "dist/dataset/warm.js")).href)) as typeof import("../src/dataset/warm.js");
    workers ??= warmWorkers({ unref: true });
    const home = process.cwd();
    process.chdir(options.cwd ?? repo);
    try {
      return await Promise.all(runs.map((args) => runOne(main, args, options, workers!)));
    } finally {
      process.chdir(home);
    }
  };
  const result = queue.then(together, together);
  queue = result.catch(() => {});
  return result;
}

/** One run through main(), with the test's streams. */
async function runOne(main: typeof import("../src/cli.js").main, args: string[], options: RunOptions, workers: WarmWorkers): Promise<Run> {
  let stdout = "";
  let stderr = "";
  let output = "";
  const io = {
    args,
    // a stream, not a pipe: how a shell's pipes, /dev/stdin and <(…) reach the executable is
    // tested in test/system
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
    stdout: { write: (t: string) => ((stdout += t), (output += t)) },
    stderr: { write: (t: string) => ((stderr += t), (output += t)) },
    env: environment(options.env),
    workers,
  };
  const status = await main(io);
  return { status, signal: null, stdout, stderr, output };
}

export interface SpawnOptions extends RunOptions {
  /** a bash command line instead of plans' arguments */
  shell?: string;
}

/** `plans ...args` as a process of its own, from the repository root (NO_COLOR set), or a shell
 *  command line; without blocking the test's thread. */
export function spawnCli(args: string[], options: SpawnOptions = {}): Promise<Run> {
  const [cmd, argv] = options.shell !== undefined ? ["bash", ["-c", options.shell]] : [process.execPath, [bin, ...args]];
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { cwd: options.cwd ?? repo, env: environment(options.env) });
    let stdout = "";
    let stderr = "";
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => ((stdout += d), (output += d)));
    child.stderr.setEncoding("utf8").on("data", (d: string) => ((stderr += d), (output += d)));
    child.on("error", reject);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr, output }));
    child.stdin.on("error", () => {});
    child.stdin.end(options.input);
  });
}

/** Every file under a folder with its bytes, as path → content (hidden files included). */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string, prefix: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out[`${prefix}${name}`] = readFileSync(p, "latin1");
    }
  };
  walk(dir, "");
  return out;
}

/** Work folders a run leaves beside its output: .out.tmp-PID, .out.old-PID. */
export const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => /\.(tmp|old)-\d+/.test(f));

/** A new folder holding the seeds, as a user's working folder would. */
export function workingFolder(prefix?: string): string {
  const dir = tmp(prefix);
  cpSync(join(repo, "seeds"), join(dir, "seeds"), { recursive: true });
  return dir;
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
