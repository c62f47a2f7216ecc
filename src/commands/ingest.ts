// `plans ingest [paths...]`: parse every file under the given paths on worker threads, reusing the
// previous run's work for unchanged files, and write the dataset document by document into a
// staging folder that is swapped in whole (or, with --check, compared with what is there).
// Memory stays bounded by the files in flight and one document, however large the corpus.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import chalk from "chalk";
import { DatasetEmitter, tasksOf, type ManifestInput } from "../dataset/emit.js";
import { newTimes, sha256, type StageTimes } from "../dataset/source.js";
import { defaultJobs, OutOfMemory, PARSE_HEAP_MB, startParsePool, type ParsePool, type ParseReply } from "../dataset/parse-pool.js";
import { assignDocuments, planDocuments, reconcile, type SourceResult } from "../dataset/reconcile.js";
import type { PlanDocument } from "../model.js";
import { isKeywordsUnavailable, startKeywordWorker, type KeywordWorker } from "../dataset/keywords-pool.js";
import { version } from "../version.js";
import { openCache, type CachedSource, type SourceCache } from "./cache.js";
import { checkOutput, collectInputs, datasetFilesIn, openStaging, recoverInterrupted } from "./files.js";
import { onInterrupt } from "./interrupt.js";
import { cannotWrite, EXIT, isSystemError, UserError } from "./io.js";
import { progress, table } from "./ui.js";

export interface IngestOptions {
  out: string;
  check?: boolean;
  summary?: boolean;
  /** any skipped file makes the run fail (exit 1) */
  strict?: boolean;
  /** largest input file in MB */
  maxSize?: number;
  /** parse workers; default: the machine's cores */
  jobs?: number;
  /** false: parse everything again, ignoring (and then replacing) out/.cache */
  cache?: boolean;
  /** per-stage milliseconds, summed over the files parsed, go to stderr */
  times?: boolean;
  /** write into an output folder that is not a plans dataset (its files are kept) */
  force?: boolean;
}

/** A county plan is well under 2 MB; a far larger file is a corpus or an archive, not one plan. */
export const DEFAULT_MAX_MB = 16;

interface Candidate {
  abs: string;
  rel: string;
}

interface Parsed {
  key: string;
  record: CachedSource;
  abs: string;
}

/**
 * Parsing on worker threads. nodejieba's dictionaries take about a second to load, longer than
 * parsing a few files: when there is no cache the CLI starts the keyword worker before anything
 * else so that its loading overlaps all the rest; with a cache it starts on the first file the
 * cache cannot serve, so a rerun over an unchanged corpus loads neither the pipeline nor the
 * dictionaries.
 */
class Parser {
  private pool: ParsePool | null = null;
  readonly times: StageTimes = newTimes();
  parsedFiles = 0;
  /** files parsed again by a worker of their own after a worker ran out of its heap */
  parsedAlone = 0;
  /** files to keep in flight: enough that a worker goes on parsing while its earlier files wait for
   *  keywords (and while the dictionaries load) */
  readonly lanes: number;

  constructor(
    private readonly jobs: number,
    private keywords: KeywordWorker | null,
  ) {
    this.lanes = jobs * 6;
  }

  /** `reread` gives the file's bytes again, for a retry (the first ones were moved to a worker) */
  async parse(path: string, bytes: Uint8Array, sha: string, reread: () => Uint8Array): Promise<ParseReply> {
    if (!this.pool) {
      this.keywords ??= startKeywordWorker();
      this.pool = startParsePool(this.jobs, this.keywords, heapLimit());
    }
    let reply: ParseReply;
    try {
      reply = await this.pool.parse(path, bytes, sha);
    } catch (e) {
      if (!(e instanceof OutOfMemory)) throw e;
      this.parsedAlone++;
      reply = await this.pool.parseAlone(path, reread(), sha);
    }
    for (const k of Object.keys(this.times) as Array<keyof StageTimes>) this.times[k] += reply.times[k];
    this.parsedFiles++;
    return reply;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    await this.keywords?.close();
  }

  /** Stops the keyword worker before the process exits on Ctrl-C (the parse workers end with it). */
  stopNow(): void {
    this.keywords?.stopNow();
  }
}

/**
 * How many parse workers to start: --jobs (default: the cores), but no more than the input keeps
 * busy. A worker costs about 0.3 s of CPU to load the pipeline and some 100 MB; on 2 cores one
 * worker parses a few MB in less time than the dictionaries take to load.
 */
export function workersFor(jobs: number, files: number, bytes: number): number {
  const SMALL = 4 * 1024 * 1024;
  return Math.max(1, Math.min(jobs, files, Math.ceil(bytes / SMALL)));
}

/** `keywords`: a keyword worker already started (see Parser), or null to start one when needed */
export async function ingestCommand(paths: string[], options: IngestOptions, keywords: KeywordWorker | null = null): Promise<number> {
  const targets = paths.length ? paths : ["seeds"];
  const { files, problems } = collectInputs(targets, { skip: options.out });
  checkOutput(options.out, targets, { force: options.force });
  recoverInterrupted(options.out);
  const maxBytes = (options.maxSize ?? DEFAULT_MAX_MB) * 1024 * 1024;
  const candidates: Candidate[] = [];
  let totalBytes = 0;
  for (const f of files) {
    try {
      // the size is checked before reading, so that a 5 GB file is not read to be refused
      const size = statSync(f.abs).size;
      if (size > maxBytes) problems.push(`${f.abs}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is more than one plan (limit ${maxBytes / 1024 / 1024} MB; --max-size raises it)`);
      else {
        candidates.push(f);
        totalBytes += size;
      }
    } catch (e) {
      problems.push(`${f.abs}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  // in path order, so that of byte-identical files the first by path is the one parsed
  candidates.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const warn = () => {
    for (const p of problems) process.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
  };
  if (candidates.length === 0) {
    warn();
    throw new UserError(`nothing to ingest in ${targets.join(", ")}`);
  }
  const staging = openStaging(options.out, { scratch: options.check, force: options.force });
  const outName = `${options.out.replace(/\/+$/, "") || "/"}/`;
  const useCache = options.cache !== false;
  const parser = new Parser(workersFor(options.jobs ?? defaultJobs(), candidates.length, totalBytes), keywords);
  const forget = onInterrupt(() => {
    parser.stopNow();
    staging.abort();
  }, `interrupted; ${outName} unchanged`);
  const t0 = performance.now();
  let rows: string[][];
  let skippedCount = 0;
  const duplicates: Array<{ rel: string; sha: string; bytes: number; of: string }> = [];
  try {
    const cache = openCache(useCache ? options.out : null, staging.dir);
    const bar = progress(candidates.length);
    const parsed = new Map<string, Parsed>();
    const firstWithBytes = new Map<string, string>();
    try {
      let done = 0;
      await forEachLimited(candidates, parser.lanes, async (f) => {
        let bytes: Buffer;
        try {
          bytes = readFileSync(f.abs);
        } catch (e) {
          problems.push(`${f.abs}: cannot read (${(e as NodeJS.ErrnoException).code})`);
          return;
        }
        // files start in path order and are read before anything is awaited: the first of
        // byte-identical files is the first by path, whatever the number of workers
        const sha = sha256(bytes);
        const original = firstWithBytes.get(sha);
        if (original !== undefined) {
          duplicates.push({ rel: f.rel, sha, bytes: bytes.length, of: original });
          bar.tick(done++, f.rel);
          return;
        }
        firstWithBytes.set(sha, f.rel);
        const key = cache.keyOf(f.rel, sha);
        const hit = cache.lookup(key);
        if (hit) cache.keep(key, hit);
        const record = hit ?? (await parseAndStore(parser, cache, key, f.rel, bytes, sha, () => reread(f.abs, sha)));
        parsed.set(f.rel, { key, record, abs: f.abs });
        bar.tick(done++, f.rel);
      });
    } finally {
      bar.done();
    }
    const ordered = [...parsed.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
    // the cache keeps each file's own record; the manifest's copy gets the final document slug
    const inputs: ManifestInput[] = ordered.map((p) => ({ ...p.record.input }));
    warn();
    for (const i of inputs) if (i.status === "skipped") process.stderr.write(chalk.yellow(`plans: skipped ${i.reason}\n`));
    skippedCount = inputs.filter((i) => i.status === "skipped").length;
    const summaries = ordered.flatMap((p) => (p.record.summary ? [p.record.summary] : []));
    if (summaries.length === 0) throw new UserError("no plan could be ingested");
    const planned = planDocuments(summaries);
    assignDocuments(inputs, planned);
    const byPath = new Map(inputs.map((i) => [i.path, i]));
    for (const d of duplicates) {
      const original = byPath.get(d.of)!;
      inputs.push({ path: d.rel, sha256: d.sha, bytes: d.bytes, encoding: original.encoding, document: original.document, status: "duplicate", duplicateOf: d.of });
    }
    const parsedByPath = new Map(ordered.map((p) => [p.record.input.path, p]));
    const emitter = new DatasetEmitter(staging);
    rows = [];
    for (const doc of planned) {
      const sources: SourceResult[] = [];
      for (const path of doc.paths) sources.push(await loadSource(parser, cache, parsedByPath.get(path)!));
      let t = performance.now();
      const d = reconcile(sources, doc.slug);
      parser.times.reconcile += performance.now() - t;
      t = performance.now();
      emitter.add(d);
      parser.times.emit += performance.now() - t;
      rows.push(summaryRow(d));
    }
    emitter.finish(inputs, version);
    cache.finish();
  } catch (e) {
    staging.abort();
    forget();
    throw asUserError(e, staging.dir, options.out);
  } finally {
    await parser.close();
  }
  if (options.times) {
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    const distinct = candidates.length - duplicates.length;
    process.stderr.write(`plans: ${parser.parsedFiles} of ${distinct} files parsed, ${distinct - parser.parsedFiles} from the cache${duplicates.length ? `, ${duplicates.length} duplicates not parsed` : ""}${parser.parsedAlone ? `, ${parser.parsedAlone} again alone after a worker ran out of heap` : ""}; wall ${ms(performance.now() - t0)}; per stage, summed over threads (emit includes writing): ${Object.entries(parser.times).map(([k, v]) => `${k} ${ms(v)}`).join(", ")}\n`);
  }
  let status: number = EXIT.ok;
  if (options.check) {
    status = check(staging.dir, options.out);
    staging.abort();
    forget();
  } else {
    try {
      staging.commit();
    } catch (e) {
      staging.abort();
      throw e;
    } finally {
      forget();
    }
    if (options.summary ?? process.stderr.isTTY) process.stderr.write(summaryTable(rows) + `\nwrote ${rows.length} documents and their tables to ${outName}\n`);
  }
  const passedOver = problems.length + skippedCount;
  if (options.strict && passedOver > 0 && status === EXIT.ok) {
    process.stderr.write(`plans: --strict: ${passedOver} file${passedOver > 1 ? "s" : ""} skipped\n`);
    return EXIT.drift;
  }
  return status;
}

/**
 * What the user can act on, as one line: a file of the dataset (or of the cache in it) that cannot
 * be written, named by where it was going; nodejieba's native module missing, with how to rebuild it.
 */
function asUserError(e: unknown, staged: string, out: string): unknown {
  if (e instanceof UserError) return e;
  if (isKeywordsUnavailable(e)) return new UserError(`nodejieba's native module does not load (${(e as Error).message.split("\n")[0]}); rebuild it with \`npm rebuild nodejieba\` (it needs a C++ compiler, make and python3)`);
  if (isSystemError(e)) {
    const path = e.path && e.path.startsWith(staged) ? join(out, e.path.slice(staged.length)) : e.path ?? out;
    return cannotWrite(path, e);
  }
  return e;
}

/** Parses a file the cache could not serve and records the result in this run's cache. */
async function parseAndStore(parser: Parser, cache: SourceCache, key: string, path: string, bytes: Uint8Array, sha: string, reread: () => Uint8Array): Promise<CachedSource> {
  const reply = await parser.parse(path, bytes, sha, reread);
  const record: CachedSource = { input: reply.input, summary: reply.summary };
  cache.store(key, record, reply.json);
  return record;
}

/** A file's bytes once more, which must be the ones it had. */
function reread(abs: string, sha: string): Uint8Array {
  const bytes = readFileSync(abs);
  if (sha256(bytes) !== sha) throw new UserError(`${abs}: changed while it was being ingested; run again`);
  return bytes;
}

/** The parse workers' heap limit: PLANS_PARSE_HEAP_MB overrides it (for tuning, and for the test
 *  of the retry of a file too large for it). */
function heapLimit(): number {
  const v = Number(process.env.PLANS_PARSE_HEAP_MB);
  return Number.isFinite(v) && v > 0 ? v : PARSE_HEAP_MB;
}

/** A parsed source from this run's cache; if its entry is damaged, the file is parsed again. */
async function loadSource(parser: Parser, cache: SourceCache, p: Parsed): Promise<SourceResult> {
  const cached = cache.load(p.key);
  if (cached) return cached;
  const sha = p.record.input.sha256;
  const bytes = reread(p.abs, sha);
  await parseAndStore(parser, cache, p.key, p.record.input.path, bytes, sha, () => reread(p.abs, sha));
  const fresh = cache.load(p.key);
  if (!fresh) throw new Error(`${p.abs}: cannot read back its parsed source from the cache`);
  return fresh;
}

/**
 * Runs `work` over the items, `lanes` at a time, starting them in order.
 * Reading a file happens when its turn comes, so only the files in flight are in memory.
 */
async function forEachLimited<T>(items: T[], lanes: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(items.length, lanes) }, lane));
}

/** Compares a freshly built dataset folder with the existing one, file by file. */
function check(built: string, out: string): number {
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
  const changed: string[] = [];
  for (const name of fresh) {
    const content = readFileSync(join(built, name), "utf8");
    if (!existing.has(name)) changed.push(`  added    ${name}`);
    else {
      const old = readFileSync(join(out, name), "utf8");
      if (old !== content) changed.push(`  changed  ${name}${firstDifference(old, content)}`);
    }
  }
  for (const f of existing) if (!fresh.includes(f)) changed.push(`  removed  ${f}`);
  if (changed.length === 0) {
    process.stderr.write(`${out}/ is up to date (${fresh.length} files)\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${out}/ differs from a fresh build of the inputs:\n${changed.join("\n")}\n`);
  return EXIT.drift;
}

function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return ` (first at line ${i + 1}: ${JSON.stringify((la[i] ?? "").slice(0, 60))} → ${JSON.stringify((lb[i] ?? "").slice(0, 60))})`;
  }
  return "";
}

export function summaryRow(d: PlanDocument): string[] {
  return [
    d.slug,
    d.county,
    String(d.sources.length),
    [...new Set(d.sources.map((s) => s.encoding))].join(","),
    String(d.chapters.length),
    String(d.chapters.reduce((a, c) => a + c.sections.length, 0)),
    String(tasksOf(d).length),
    String(d.indicators.length),
    String(d.projects.length),
    String(d.notes.length),
  ];
}

export function summaryTable(rows: string[][]): string {
  return table(["slug", "county", "sources", "encoding", "chapters", "sections", "tasks", "indicators", "projects", "notes"], rows);
}
