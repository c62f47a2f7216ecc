// The one ingest: input files → the dataset's files, written into a sink document by document.
// `plans ingest`, `plans compare`'s first build and the tests all build through buildDataset.
// Files are parsed on worker threads, which get their tasks' keywords from one keyword process;
// each parsed source goes to the cache, and the documents are then reconciled and written one at a
// time, so memory is bounded by the files in flight and one document, however large the corpus.
import { performance } from "node:perf_hooks";
import type { PlanDocument, Source } from "../model.js";
import { tasksOf } from "../model.js";
import { memoryCache, type CachedSource, type SourceCache } from "./cache.js";
import { DatasetEmitter, type DatasetSink, type ManifestInput } from "./emit.js";
import { startKeywordWorker, type KeywordWorker } from "./keywords-pool.js";
import { PARSE_HEAP_MB, startParsePool, TimedOut, WorkerLost, type ParsePool, type ParseReply } from "./parse-pool.js";
import { assignDocuments, planDocuments, reconcile, type SourceResult } from "./reconcile.js";
import { newTimes, sha256, type StageTimes } from "./source.js";

export interface BuildInput {
  /** the path recorded in the dataset; unique among the inputs */
  path: string;
  /** its size in bytes, when known before reading (it sizes the worker pool) */
  size?: number;
  /** its bytes, read when its turn comes (so that only the files in flight are in memory); a
   *  file that cannot be read throws, and is reported in BuildResult.unreadable */
  read(): Uint8Array;
}

export interface BuildOptions {
  /** parse workers at most (fewer when the input is small); the output is the same for any number */
  workers: number;
  /** parsed sources of earlier runs to reuse, and where this run's go; default: in memory */
  cache?: SourceCache;
  /** the keyword process, started on the first call: a caller that starts it early overlaps its
   *  dictionary loading with everything else, and closes it; default: one of the
   *  build's own, started when the first file is parsed and closed at the end */
  keywords?: () => KeywordWorker;
  /** parse workers a host keeps warm between builds, by their number (they must ask `keywords` for
   *  keywords); default: the build's own, started on the first file to parse and ended with it */
  parsers?: (jobs: number) => ParsePool;
  /** the version written in the manifest */
  toolVersion: string;
  /** called twice per input: when it is parsed (and waits for its keywords), and when it is done;
   *  an input from the cache, a duplicate, a skipped or an unreadable one is both at once */
  onProgress?: (step: "parsed" | "done", path: string) => void;
}

/** A document as the summary table shows it. */
export interface DocumentSummary {
  slug: string;
  county: string;
  sources: number;
  encodings: string[];
  chapters: number;
  sections: number;
  tasks: number;
  indicators: number;
  projects: number;
  notes: number;
}

export interface BuildResult {
  /** the manifest's inputs, in path order */
  inputs: ManifestInput[];
  /** in slug order, as written; empty when no input was a plan (the sink then holds no document) */
  documents: DocumentSummary[];
  /** "<path>: cannot read (<code>)" for inputs that could not be read; they are not in the manifest */
  unreadable: string[];
  parsed: number;
  fromCache: number;
  duplicates: number;
  /** files parsed again on a worker of their own after their worker was lost (its heap ran out, or a
   *  file on it passed its deadline) */
  parsedAlone: number;
  /** per stage, summed over threads */
  times: StageTimes;
}

/** Files each parse worker keeps in flight: enough that it goes on parsing while its earlier files
 *  wait for keywords (and while the dictionaries load). */
const LANES_PER_WORKER = 6;

/** An input smaller than this keeps one worker busy for less time than a second one takes to load
 *  the pipeline (about 0.3 s of CPU and some 100 MB). */
const BYTES_PER_WORKER = 4 * 1024 * 1024;

/** How many parse workers to start: `jobs`, but no more than the input keeps busy. */
export function workersFor(jobs: number, files: number, bytes: number): number {
  return Math.max(1, Math.min(jobs, files, Math.ceil(bytes / BYTES_PER_WORKER)));
}

/** The parse workers' heap limit: PLANS_PARSE_HEAP_MB overrides it (for tuning, and for the test
 *  of the retry of a file too large for it). */
function heapLimit(): number {
  const v = Number(process.env.PLANS_PARSE_HEAP_MB);
  return Number.isFinite(v) && v > 0 ? v : PARSE_HEAP_MB;
}

/**
 * Builds the dataset of `inputs` into `sink`: one JSON file per document, the tables and the
 * manifest. Byte-identical inputs are parsed once: the later ones (by path) are listed as
 * duplicates of the first. The result is the same whatever the inputs' order and the workers.
 */
export async function buildDataset(inputs: BuildInput[], sink: DatasetSink, options: BuildOptions): Promise<BuildResult> {
  const ordered = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const bytes = ordered.reduce((n, i) => n + (i.size ?? 0), 0);
  const own = options.keywords ? null : lazyKeywordWorker();
  const parser = new Parser(workersFor(options.workers, ordered.length, bytes), options.keywords ?? own!.get, options.parsers);
  const cache = options.cache ?? memoryCache();
  try {
    const parsed = await parseAll(ordered, parser, cache, options.onProgress);
    const documents = await writeDataset(parsed, parser, cache, sink, options.toolVersion);
    cache.finish();
    return {
      inputs: parsed.inputs,
      documents,
      unreadable: parsed.unreadable,
      parsed: parser.parsedFiles,
      fromCache: parsed.files.length - parser.parsedFiles,
      duplicates: parsed.inputs.filter((i) => i.status === "duplicate").length,
      parsedAlone: parser.parsedAlone,
      times: parser.times,
    };
  } finally {
    await parser.close();
    await own?.close();
  }
}

/** A parsed input: its cache key and record, and how to read it again. */
interface ParsedFile {
  key: string;
  record: CachedSource;
  input: BuildInput;
}

interface ParsedInputs {
  files: ParsedFile[];
  /** every input that was read, its manifest entry; documents not yet assigned */
  inputs: ManifestInput[];
  unreadable: string[];
}

/** Step 1: every input parsed (or served by the cache), in parallel, duplicates set aside. */
async function parseAll(ordered: BuildInput[], parser: Parser, cache: SourceCache, onProgress?: BuildOptions["onProgress"]): Promise<ParsedInputs> {
  const files = new Map<string, ParsedFile>();
  const duplicates: Array<{ input: BuildInput; sha: string; bytes: number; of: string }> = [];
  const unreadable: string[] = [];
  const firstWithBytes = new Map<string, string>();
  const parsedOnes = new Set<string>();
  const parsed = (path: string) => {
    if (parsedOnes.has(path)) return;
    parsedOnes.add(path);
    onProgress?.("parsed", path);
  };
  const onInput = (path: string) => {
    parsed(path);
    onProgress?.("done", path);
  };
  await forEachLimited(ordered, parser.lanes, async (input) => {
    let bytes: Uint8Array;
    try {
      bytes = input.read();
    } catch (e) {
      unreadable.push(`${input.path}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
      onInput(input.path);
      return;
    }
    // inputs start in path order and are read before anything is awaited: the first of
    // byte-identical files is the first by path, whatever the number of workers
    const sha = sha256(bytes);
    const original = firstWithBytes.get(sha);
    if (original !== undefined) {
      duplicates.push({ input, sha, bytes: bytes.length, of: original });
      onInput(input.path);
      return;
    }
    firstWithBytes.set(sha, input.path);
    const key = cache.keyOf(input.path, sha);
    const hit = cache.lookup(key);
    if (hit) cache.keep(key, hit);
    const record = hit ?? (await parseAndStore(parser, cache, key, input, bytes, sha, () => parsed(input.path)));
    files.set(input.path, { key, record, input });
    onInput(input.path);
  });
  const sorted = [...files.values()].sort((a, b) => (a.input.path < b.input.path ? -1 : 1));
  // the cache keeps each file's own record; the manifest's copy gets the final document slug
  const inputs: ManifestInput[] = sorted.map((p) => ({ ...p.record.input }));
  for (const d of duplicates) inputs.push({ path: d.input.path, sha256: d.sha, bytes: d.bytes, format: null, encoding: null, document: null, status: "duplicate", duplicateOf: d.of });
  inputs.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: sorted, inputs, unreadable };
}

/** Step 2: which sources make which document, then each document reconciled and written, in slug
 *  order, and the manifest. */
async function writeDataset(parsed: ParsedInputs, parser: Parser, cache: SourceCache, sink: DatasetSink, toolVersion: string): Promise<DocumentSummary[]> {
  const summaries = parsed.files.flatMap((p) => (p.record.summary ? [p.record.summary] : []));
  if (summaries.length === 0) return [];
  const planned = planDocuments(summaries);
  assignDocuments(parsed.inputs, planned);
  const byPath = new Map(parsed.inputs.map((i) => [i.path, i]));
  for (const i of parsed.inputs) {
    if (i.status !== "duplicate") continue;
    const original = byPath.get(i.duplicateOf!)!;
    i.format = original.format;
    i.encoding = original.encoding;
    i.document = original.document;
  }
  const files = new Map(parsed.files.map((p) => [p.input.path, p]));
  const emitter = new DatasetEmitter(sink);
  const documents: DocumentSummary[] = [];
  for (const doc of planned) {
    const sources: SourceResult[] = [];
    for (const path of doc.paths) sources.push(await loadSource(parser, cache, files.get(path)!));
    let t = performance.now();
    const d = reconcile(sources, doc.slug);
    parser.times.reconcile += performance.now() - t;
    t = performance.now();
    emitter.add(d);
    parser.times.emit += performance.now() - t;
    documents.push(summarize(d));
  }
  emitter.finish(parsed.inputs, toolVersion);
  return documents;
}

function summarize(d: PlanDocument): DocumentSummary {
  return {
    slug: d.slug,
    county: d.county,
    sources: d.sources.length,
    encodings: [...new Set(d.sources.map((s: Source) => s.encoding))],
    chapters: d.chapters.length,
    sections: d.chapters.reduce((a, c) => a + c.sections.length, 0),
    tasks: tasksOf(d).length,
    indicators: d.indicators.length,
    projects: d.projects.length,
    notes: d.notes.length,
  };
}

/** Parses a file the cache could not serve and records the result in this run's cache. */
async function parseAndStore(parser: Parser, cache: SourceCache, key: string, input: BuildInput, bytes: Uint8Array, sha: string, onParsed?: () => void): Promise<CachedSource> {
  const reply = await parser.parse(input.path, bytes, sha, () => reread(input, sha), onParsed);
  const record: CachedSource = { input: reply.input, summary: reply.summary };
  cache.store(key, record, reply.json);
  return record;
}

/** A file that took too long to read, skipped with that reason. */
function timedOut(path: string, sha256: string, bytes: number, reason: string): ParseReply {
  return { id: -1, input: { path, sha256, bytes, format: null, encoding: null, document: null, status: "skipped", reason }, summary: null, json: null, times: newTimes() };
}

/** A file's bytes once more, which must be the ones it had. */
function reread(input: BuildInput, sha: string): Uint8Array {
  const bytes = input.read();
  if (sha256(bytes) !== sha) throw new InputChanged(`${input.path}: changed while it was being ingested; run again`);
  return bytes;
}

/** An input's bytes changed during the build. */
export class InputChanged extends Error {
  override name = "InputChanged";
}

/** A parsed source from this run's cache; if its entry is damaged, the file is parsed again. */
async function loadSource(parser: Parser, cache: SourceCache, p: ParsedFile): Promise<SourceResult> {
  const cached = cache.load(p.key);
  if (cached) return cached;
  const sha = p.record.input.sha256;
  await parseAndStore(parser, cache, p.key, p.input, reread(p.input, sha), sha);
  const fresh = cache.load(p.key);
  if (!fresh) throw new Error(`${p.input.path}: cannot read back its parsed source from the cache`);
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

/** A keyword process started on first use. */
export function lazyKeywordWorker(startNow = false): { get: () => KeywordWorker; stopNow(): void; close(): Promise<void> } {
  let worker: KeywordWorker | null = startNow ? startKeywordWorker() : null;
  return {
    get: () => (worker ??= startKeywordWorker()),
    stopNow: () => worker?.stopNow(),
    close: async () => worker?.close(),
  };
}

/**
 * Parsing on worker threads, started on the first file the cache cannot serve, so that a rerun over
 * an unchanged corpus loads neither the pipeline nor the dictionaries.
 */
class Parser {
  private pool: ParsePool | null = null;
  readonly times: StageTimes = newTimes();
  parsedFiles = 0;
  parsedAlone = 0;
  readonly lanes: number;

  constructor(
    private readonly jobs: number,
    private readonly keywords: () => KeywordWorker,
    private readonly borrowed?: (jobs: number) => ParsePool,
  ) {
    this.lanes = jobs * LANES_PER_WORKER;
  }

  /** `reread` gives the file's bytes again, for a retry (the first ones were moved to a worker). A
   *  file whose worker is lost is tried once more on a worker of its own; one that passes its
   *  deadline there too is skipped with that reason. */
  async parse(path: string, bytes: Uint8Array, sha: string, reread: () => Uint8Array, onParsed?: () => void): Promise<ParseReply> {
    this.pool ??= this.borrowed ? this.borrowed(this.jobs) : startParsePool(this.jobs, this.keywords(), heapLimit());
    const size = bytes.byteLength;
    let reply: ParseReply;
    try {
      reply = await this.pool.parse(path, bytes, sha, onParsed);
    } catch (e) {
      if (!(e instanceof WorkerLost)) throw e;
      this.parsedAlone++;
      try {
        reply = await this.pool.parseAlone(path, reread(), sha, onParsed);
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
    // a host's workers stay for its next build
    if (!this.borrowed) await this.pool?.close();
  }
}
