// `plans ingest [paths...]`: parse every file under the given paths on worker threads, reusing the
// previous run's work for unchanged files, and write the dataset document by document into a
// staging folder that is swapped in whole (or, with --check, compared with what is there).
// Memory stays bounded by the files in flight and one document, however large the corpus.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import chalk from "chalk";
import { DatasetEmitter, tasksOf, type ManifestInput } from "../dataset/emit.js";
import { newTimes, sha256, type StageTimes } from "../dataset/source.js";
import { defaultJobs, PARSE_HEAP_MB, startParsePool, TimedOut, WorkerLost, type ParsePool, type ParseReply } from "../dataset/parse-pool.js";
import { assignDocuments, planDocuments, reconcile, type SourceResult } from "../dataset/reconcile.js";
import type { PlanDocument } from "../model.js";
import { startKeywordWorker, type KeywordWorker } from "../segment/keywords-pool.js";
import { version } from "../version.js";
import { openCache, type CachedSource, type SourceCache } from "./cache.js";
import { collectInputs, openStaging, recoverInterrupted, type Staging } from "./files.js";
import { EXIT, UserError } from "./io.js";
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
    const size = bytes.byteLength;
    let reply: ParseReply;
    try {
      reply = await this.pool.parse(path, bytes, sha);
    } catch (e) {
      if (!(e instanceof WorkerLost)) throw e;
      this.parsedAlone++;
      try {
        reply = await this.pool.parseAlone(path, reread(), sha);
      } catch (again) {
        if (!(again instanceof TimedOut)) throw again;
        reply = timedOut(path, sha, size, again.message);
      }
    }
    for (const k of Object.keys(this.times) as Array<keyof StageTimes>) this.times[k] += reply.times[k];
    this.parsedFiles++;
    return reply;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    await this.keywords?.close();
  }
}

/** A file that took too long to read, skipped with that reason. */
function timedOut(path: string, sha256: string, bytes: number, reason: string): ParseReply {
  return { id: -1, input: { path, sha256, bytes, format: null, encoding: null, document: null, status: "skipped", reason }, summary: null, json: null, times: newTimes() };
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
  recoverInterrupted(options.out);
  const { files, problems } = collectInputs(targets);
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
  const warn = () => {
    for (const p of problems) process.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
  };
  if (candidates.length === 0) {
    warn();
    throw new UserError(`nothing to ingest in ${targets.join(", ")}`);
  }
  const staging = openStaging(options.out, { scratch: options.check });
  const useCache = options.cache !== false;
  const parser = new Parser(workersFor(options.jobs ?? defaultJobs(), candidates.length, totalBytes), keywords);
  const t0 = performance.now();
  let rows: string[][];
  let skippedCount = 0;
  try {
    const cache = openCache(useCache ? options.out : null, staging.dir);
    const bar = progress(candidates.length);
    const parsed = new Map<string, Parsed>();
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
        const sha = sha256(bytes);
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
    const byPath = new Map(ordered.map((p) => [p.record.input.path, p]));
    const emitter = new DatasetEmitter(staging);
    rows = [];
    for (const doc of planned) {
      const sources: SourceResult[] = [];
      for (const path of doc.paths) sources.push(await loadSource(parser, cache, byPath.get(path)!));
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
    throw e;
  } finally {
    await parser.close();
  }
  if (options.times) {
    const ms = (v: number) => `${(v / 1000).toFixed(2)} s`;
    process.stderr.write(`plans: ${parser.parsedFiles} of ${candidates.length} files parsed, ${candidates.length - parser.parsedFiles} from the cache${parser.parsedAlone ? `, ${parser.parsedAlone} again alone after a worker ran out of heap` : ""}; wall ${ms(performance.now() - t0)}; per stage, summed over threads (emit includes writing): ${Object.entries(parser.times).map(([k, v]) => `${k} ${ms(v)}`).join(", ")}\n`);
  }
  let status: number = EXIT.ok;
  if (options.check) {
    status = check(staging.dir, options.out);
    staging.abort();
  } else {
    staging.commit();
    if (options.summary ?? process.stderr.isTTY) process.stderr.write(summaryTable(rows) + `\nwrote ${rows.length} documents and their tables to ${options.out}/\n`);
  }
  const passedOver = problems.length + skippedCount;
  if (options.strict && passedOver > 0 && status === EXIT.ok) {
    process.stderr.write(`plans: --strict: ${passedOver} file${passedOver > 1 ? "s" : ""} skipped\n`);
    return EXIT.drift;
  }
  return status;
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
  const existing = new Set(list(out));
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
