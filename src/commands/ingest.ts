// `plans ingest [paths...]`: build the dataset from files and folders. Four steps: select the
// inputs (and refuse an output folder that would harm the user's files), build the dataset into a
// staging folder (dataset/build.ts parses on worker threads, reusing the cache), swap it in (or,
// with --check, compare it with what is there), and report.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import { InvalidArgumentError } from "commander";
import { structuredPatch } from "diff";
import type { BuildResult, DocumentSummary } from "../dataset/build.js";
import { isKeywordsUnavailable, type KeywordWorker } from "../dataset/keywords-pool.js";
import { defaultJobs } from "../dataset/parse-pool.js";
import { paint, table } from "../term.js";
import { version } from "../version.js";
import { conventions, wholeNumber, type CommonOptions, type Register } from "./command.js";
import { cannotWrite, EXIT, isSystemError, UserError, type ExitCode } from "./exit.js";
import { checkOutput, collectInputs, datasetFilesIn, isStream, openStaging, readInput, recoverInterrupted, stageFolder, type InputFile, type Staging } from "./files.js";
import { onInterrupt } from "./interrupt.js";
import type { Io } from "./io.js";
import { progress } from "./ui.js";

export interface IngestOptions extends CommonOptions {
  out: string;
  check?: boolean;
  summary?: boolean;
  /** any skipped file makes the run fail (exit 1) */
  strict?: boolean;
  /** largest input file in MB */
  maxSize?: number;
  /** parse workers; default: the machine's cores less the keyword process's */
  jobs?: number;
  /** false: parse everything again, ignoring (and then replacing) the cache */
  cache?: boolean;
  /** per-stage milliseconds, summed over the files parsed, go to stderr */
  times?: boolean;
  /** write into an output folder that is not a plans dataset (its files are kept) */
  force?: boolean;
}

/** A county plan is well under 2 MB; a far larger file is a corpus or an archive, not one plan. */
export const DEFAULT_MAX_MB = 16;

/** The inputs when the user names none. */
export const DEFAULT_INPUT = "seeds";

export const register: Register = (program, bind) => {
  const command = program
    .command("ingest")
    .description("read, clean and segment plan files (text, HTML, PDF, DOCX, DOC) into the normalized dataset (JSON per plan + CSVs)")
    .argument("[paths...]", `files or folders (default: ${DEFAULT_INPUT}/)`)
    .option("--out <dir>", "the dataset folder", "out")
    .option("--check", "rebuild in memory; exit 1 and show what changed if the output folder differs")
    .option("--summary", "print the summary table even when stderr is not a terminal")
    .option("--strict", "exit 1 when any file was skipped (not readable, not a plan, too large, past its deadline)")
    .option("--max-size <MB>", "skip input files larger than this", positiveNumber("--max-size", "a positive number of MB"), DEFAULT_MAX_MB)
    .option("-j, --jobs <n>", "parse workers besides the keyword process (default: the cores less one); the output is the same for any number", wholeNumber("--jobs", 1, 64))
    .option("--no-cache", "parse every file again instead of reusing unchanged files' results")
    .option("--force", "write into an output folder that is not a plans dataset; its files are kept")
    .option("--times", "print how the time went, per stage, to stderr")
    .action(bind(run));
  conventions(command, [
    ["plans ingest", "the bundled seeds/ into out/"],
    ["plans ingest downloads/ --out data", "every file under downloads/ into data/"],
    ["plans ingest seeds/ --check", "exit 1 and show what changed if out/ is not up to date"],
  ]);
};

function positiveNumber(flag: string, what: string) {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError(`${flag} wants ${what}.`);
    return n;
  };
}


export async function run(io: Io, paths: string[], options: IngestOptions): Promise<ExitCode> {
  const targets = paths.length ? paths : [DEFAULT_INPUT];
  const selection = selectInputs(io, targets, options);
  // a pipe (<(…), /dev/stdin) can be read once: now, whole
  const streamed = new Map<string, Uint8Array>();
  for (const f of selection.files) if (isStream(f.abs)) streamed.set(f.abs, await readInput(f.abs, io.stdin));
  const output = openOutput(options);
  const { buildDataset, lazyKeywordWorker } = await import("../dataset/build.js");
  const { hasCache, openCache } = await import("../dataset/cache.js");
  // without a cache everything is parsed: the keyword process starts before anything else, so that
  // its dictionary loading overlaps all the rest
  const keywords = io.workers ? borrowed(io.workers.keywords) : lazyKeywordWorker(!output.previousCache || !hasCache(output.previousCache));
  const bar = options.quiet ? null : progress(io.stderr, selection.files.length);
  const forget = onInterrupt(() => {
    keywords.stopNow();
    output.abort();
  }, `interrupted; ${folderName(options.out)} unchanged`);
  let built: BuildResult;
  try {
    built = await buildDataset(
      selection.files.map((f) => ({ path: f.rel, size: f.size, read: () => streamed.get(f.abs) ?? readFileSync(f.abs) })),
      output.dataset,
      {
        workers: options.jobs ?? defaultJobs(),
        cache: openCache(output.previousCache, output.cache.dir),
        keywords: keywords.get,
        parsers: io.workers?.parsers,
        toolVersion: version,
        onProgress: (step, path) => bar?.step(step, path),
      },
    );
    bar?.done();
    if (built.documents.length === 0) {
      report(io, selection, built, options);
      throw new UserError("no plan could be ingested");
    }
  } catch (e) {
    bar?.done();
    output.abort();
    forget();
    throw asUserError(e, output.dataset.dir, options.out);
  } finally {
    await keywords.close();
  }
  const status = finish(io, output, options);
  forget();
  return report(io, selection, built, options, status);
}

/** The host's keyword process, used as if it were the run's own, but left running. */
const borrowed = (get: () => KeywordWorker) => ({ get, stopNow: () => {}, close: async () => {} });

interface Selection {
  targets: string[];
  files: Array<InputFile & { size: number }>;
  /** warnings about what was passed over before parsing: links, files too large or unreadable */
  problems: string[];
}

/** Step 1: the files under the paths, those too large passed over; an output folder that would
 *  harm the user's files refused before any work. */
function selectInputs(io: Io, targets: string[], options: IngestOptions): Selection {
  const { files, problems } = collectInputs(targets, { skip: options.out });
  checkOutput(options.out, targets, { force: options.force });
  const maxBytes = (options.maxSize ?? DEFAULT_MAX_MB) * 1024 * 1024;
  const selected: Selection["files"] = [];
  for (const f of files) {
    try {
      // the size is checked before reading, so that a 5 GB file is not read to be refused
      const size = statSync(f.abs).size;
      if (size > maxBytes) problems.push(`${f.abs}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is more than one plan (limit ${maxBytes / 1024 / 1024} MB; --max-size raises it)`);
      else selected.push({ ...f, size });
    } catch (e) {
      problems.push(`${f.abs}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  if (selected.length === 0) {
    warn(io, options, problems);
    throw new UserError(`nothing to ingest in ${targets.join(", ")}`);
  }
  return { targets, files: selected, problems };
}

/** Where a run writes: the dataset's staging folder, and the cache's. */
interface Output {
  dataset: Staging;
  cache: { dir: string; commit(): void; abort(): void };
  /** the last run's cache folder, or null for no reuse */
  previousCache: string | null;
  abort(): void;
}

/** The cache of an output folder: beside it, so that the dataset folder holds the dataset only
 *  (`git add out` stages no cache). */
export function cacheFolder(out: string): string {
  const target = resolve(out);
  return join(dirname(target), ".plans-cache", basename(target));
}

function openOutput(options: IngestOptions): Output {
  const cachePath = cacheFolder(options.out);
  recoverInterrupted(options.out);
  recoverInterrupted(cachePath);
  const dataset = openStaging(options.out, { scratch: options.check, force: options.force });
  let cache: Output["cache"];
  try {
    // a --check writes nothing beside the output: its cache goes with its scratch build
    cache = options.check ? scratchFolder() : stageFolder(cachePath);
  } catch (e) {
    dataset.abort();
    throw cannotWrite(cachePath, e);
  }
  return {
    dataset,
    cache,
    previousCache: options.cache === false ? null : cachePath,
    abort: () => {
      dataset.abort();
      cache.abort();
    },
  };
}

function scratchFolder(): Output["cache"] {
  const dir = mkdtempSync(join(tmpdir(), "plans-check-cache-"));
  const abort = () => rmSync(dir, { recursive: true, force: true });
  return { dir, commit: abort, abort };
}

/** Step 3: the new dataset swapped in, then its cache (a cache that cannot be kept only costs the
 *  next run a full parse); or, with --check, compared with the output folder and thrown away. */
function finish(io: Io, output: Output, options: IngestOptions): ExitCode {
  if (options.check) {
    const status = check(io, output.dataset.dir, options.out);
    output.abort();
    return status;
  }
  try {
    output.dataset.commit();
  } catch (e) {
    output.abort();
    throw e;
  }
  try {
    output.cache.commit();
  } catch (e) {
    output.cache.abort();
    warn(io, options, [`${cacheFolder(options.out)}: cannot keep the cache (${(e as Error).message}); the next run parses everything again`]);
  }
  return EXIT.ok;
}

/** Step 4: what was passed over, skipped or found twice; times; the summary; the exit code. */
function report(io: Io, selection: Selection, built: BuildResult, options: IngestOptions, status: ExitCode = EXIT.ok): ExitCode {
  warn(io, options, [...selection.problems, ...built.unreadable]);
  const skipped = built.inputs.filter((i) => i.status === "skipped");
  const chalk = paint(io.stderr, io.env, options.color);
  for (const i of skipped) io.stderr.write(chalk.yellow(`plans: skipped ${i.reason}\n`));
  if (built.duplicates && !options.quiet) {
    for (const i of built.inputs) if (i.status === "duplicate") io.stderr.write(`plans: ${i.path}: the same bytes as ${i.duplicateOf}; listed as its duplicate, not parsed again\n`);
  }
  if (options.times) {
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    const distinct = built.parsed + built.fromCache;
    io.stderr.write(
      `plans: ${built.parsed} of ${distinct} files parsed, ${built.fromCache} from the cache${built.duplicates ? `, ${built.duplicates} duplicates not parsed` : ""}${built.parsedAlone ? `, ${built.parsedAlone} again alone after a worker ran out of heap` : ""}; per stage, summed over threads (emit includes writing): ${Object.entries(built.times).map(([k, v]) => `${k} ${ms(v)}`).join(", ")}\n`,
    );
  }
  if (built.documents.length && !options.check && !options.quiet && (options.summary ?? io.stderr.isTTY)) {
    io.stderr.write(summaryTable(built.documents) + `\nwrote ${built.documents.length} documents and their tables to ${folderName(options.out)}\n`);
  }
  const passedOver = selection.problems.length + built.unreadable.length + skipped.length;
  if (options.strict && passedOver > 0 && status === EXIT.ok) {
    io.stderr.write(`plans: --strict: ${passedOver} file${passedOver > 1 ? "s" : ""} skipped\n`);
    return EXIT.drift;
  }
  return status;
}

const warn = (io: Io, options: CommonOptions, problems: string[]) => {
  const chalk = paint(io.stderr, io.env, options.color);
  for (const p of problems) io.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
};

const folderName = (out: string) => `${out.replace(/\/+$/, "") || "/"}/`;

/**
 * What the user can act on, as one line: a file of the dataset (or of its cache) that cannot be
 * written, named by where it was going; nodejieba's native module missing, with how to rebuild it.
 */
function asUserError(e: unknown, staged: string, out: string): unknown {
  if (e instanceof UserError) return e;
  if (isKeywordsUnavailable(e)) return new UserError(`nodejieba's native module does not load (${(e as Error).message.split("\n")[0]}); rebuild it with \`npm rebuild nodejieba\` (it needs a C++ compiler, make and python3)`);
  if ((e as Error)?.name === "InputChanged") return new UserError((e as Error).message);
  if (isSystemError(e)) {
    const path = e.path && e.path.startsWith(staged) ? join(out, e.path.slice(staged.length)) : (e.path ?? out);
    return cannotWrite(path, e);
  }
  return e;
}

/** Compares a freshly built dataset folder with the dataset in the output folder, file by file: a
 *  changed file with the first place it differs (a few lines of unified diff), a file the output
 *  lacks as missing, a dataset file a fresh build no longer has as extra. */
function check(io: Io, built: string, out: string): ExitCode {
  const list = (dir: string) => {
    try {
      return readdirSync(dir).filter((f) => !f.startsWith(".")).sort();
    } catch {
      return [];
    }
  };
  // a file a user keeps beside the dataset is not drift: only what the dataset's manifest names is
  const ours = datasetFilesIn(out) ?? new Set<string>();
  const existing = new Set(list(out).filter((f) => ours.has(f)));
  const fresh = list(built);
  const report: string[] = [];
  for (const name of fresh) {
    if (!existing.has(name)) {
      report.push(`  missing  ${name}`);
      continue;
    }
    const now = readFileSync(join(built, name), "utf8");
    const old = readFileSync(join(out, name), "utf8");
    if (old !== now) report.push(`  changed  ${name}`, ...firstChange(old, now).map((l) => `    ${l}`));
  }
  for (const f of existing) if (!fresh.includes(f)) report.push(`  extra    ${f}`);
  const folder = folderName(out);
  if (report.length === 0) {
    io.stderr.write(`plans: ${folder} is up to date (${fresh.length} files)\n`);
    return EXIT.ok;
  }
  io.stdout.write(`${folder} differs from a fresh build of the inputs:\n${report.join("\n")}\n`);
  return EXIT.drift;
}

/** Lines of context around a change in --check's diff. */
const DIFF_CONTEXT = 2;
/** Past this many differing lines the diff is not worked out; the first differing line is shown. */
const DIFF_MAX_EDITS = 2000;

/** The first hunk of a unified diff from the output's file to the fresh one, lines in full. */
function firstChange(old: string, now: string): string[] {
  const patch = structuredPatch("", "", old, now, "", "", { context: DIFF_CONTEXT, maxEditLength: DIFF_MAX_EDITS });
  const hunk = patch?.hunks[0];
  if (hunk) return [`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines];
  const a = old.split("\n");
  const b = now.split("\n");
  let i = 0;
  while (a[i] === b[i]) i++;
  return [`@@ line ${i + 1} @@`, `-${a[i] ?? ""}`, `+${b[i] ?? ""}`];
}

export function summaryTable(documents: DocumentSummary[]): string {
  return table(
    ["slug", "county", "sources", "encoding", "chapters", "sections", "tasks", "indicators", "projects", "notes"],
    documents.map((d) => [d.slug, d.county, d.sources, d.encodings.join(","), d.chapters, d.sections, d.tasks, d.indicators, d.projects, d.notes].map(String)),
  );
}

/** The dataset of the bundled seeds, built into `out` the way `plans ingest` builds it, without a
 *  word on the terminal (for `plans compare`, when there is no dataset yet). */
export async function buildDefaultDataset(io: Io, out: string): Promise<void> {
  if (!existsSync(DEFAULT_INPUT)) throw new UserError(`${out}: no dataset here (no manifest.json); run \`plans ingest <folder> --out ${out}\` first`);
  await run(io, [DEFAULT_INPUT], { out, quiet: true });
}
