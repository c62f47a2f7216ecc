// N parse workers behind one promise-per-file API. Which worker parses a file changes nothing in
// the result: a file's parse depends on its bytes and path only, and the caller orders the results.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { KeywordWorker } from "./keywords-pool.js";
import type { ManifestInput } from "./emit.js";
import type { SourceSummary, StageTimes } from "./source.js";

export interface ParseRequest {
  id: number;
  path: string;
  bytes: Uint8Array;
  sha256: string;
}

export interface ParseReply {
  id: number;
  input: ManifestInput;
  /** null when the file was skipped */
  summary: SourceSummary | null;
  /** the parsed source, keywords filled in, as JSON; null when skipped */
  json: string | null;
  times: StageTimes;
}

export interface ParsePool {
  /** rejects with WorkerLost when the file (or another in flight on its worker) was too large or
   *  took too long; `onParsed` is called when the file is parsed and waits for its keywords */
  parse(path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void): Promise<ParseReply>;
  /** parses one file on a worker of its own, without a heap limit (rejects with TimedOut) */
  parseAlone(path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void): Promise<ParseReply>;
  /** why the pool cannot parse any more (a worker or the keyword process failed, or it was
   *  closed), or null */
  readonly failed: Error | null;
  /** lets this process end while the workers idle: for a host that keeps the pool for many builds */
  unref(): void;
  close(): Promise<void>;
}

/** One parse worker per core but the one the keyword process keeps busy: on 2 cores, two parse
 *  workers beside the keyword process were measured slower than one (the three share two
 *  cores, and keywords set the pace), and they cost 150 MB more. */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

/**
 * A parse worker's old-generation heap, in MB. Its live data is some 80 MB (OpenCC's tries, the
 * mojibake word model, the file at hand); without a limit V8 lets the heap grow lazily with the
 * length of the run (measured: 707 MB peak for the process on 700 files, 594 MB with this limit, for
 * 4% more time). A file too large for it is parsed again by a worker of its own, without a limit.
 */
export const PARSE_HEAP_MB = 192;

/** A file whose worker was ended (its heap ran out, or a file on it took too long): the caller may
 *  retry it with parseAlone. */
export class WorkerLost extends Error {}
/** The worker parsing a file ran out of its heap. */
export class OutOfMemory extends WorkerLost {}
/** Reading a file took longer than its deadline (a parser looping on a damaged file). */
export class TimedOut extends WorkerLost {}

/**
 * How long one file may take to parse, from when its worker starts it to when its text is
 * segmented (keywords, which wait on another worker, do not count): generous, since a worker shares
 * the cores, and growing with the file. A 100-page PDF reads in about 2 s.
 */
export const PARSE_DEADLINE = { baseMs: 60_000, perMbMs: 30_000 };
export type Deadline = typeof PARSE_DEADLINE;

/** What a parse worker says while it works on a job, besides its reply: "parsing" starts the
 *  file's deadline; "parsed" ends it, and the file waits for its keywords. */
export interface ParseProgress {
  id: number;
  phase: "parsing" | "parsed";
}

export function startParsePool(jobs: number, keywords: KeywordWorker, heapMB = PARSE_HEAP_MB, deadline: Deadline = PARSE_DEADLINE): ParsePool {
  let next = 0;
  interface Job { path: string; bytes: number; worker: Worker; resolve: (r: ParseReply) => void; reject: (e: Error) => void; onParsed?: () => void; timer?: NodeJS.Timeout }
  const waiting = new Map<number, Job>();
  const settle = (id: number): Job | undefined => {
    const job = waiting.get(id);
    if (!job) return undefined;
    waiting.delete(id);
    clearTimeout(job.timer);
    return job;
  };
  // once a worker has failed, every file waiting and every file asked for later fails with it
  let failed: Error | null = null;
  let unreferenced = false;
  const failAll = (e: Error) => {
    failed ??= e;
    for (const id of [...waiting.keys()]) settle(id)!.reject(e);
  };
  keywords.onError((e) => failAll(new Error(`the keyword process failed: ${e.message}`, { cause: e })));
  /** Ends a worker: the file that caused it gets `cause`, the others on it a plain WorkerLost. */
  const lose = (w: Worker, culprit: number | null, cause: WorkerLost, onLost: () => void) => {
    for (const [id, job] of [...waiting]) {
      if (job.worker !== w) continue;
      settle(id);
      job.reject(culprit === null || id === culprit ? cause : new WorkerLost(`${job.path}: its parse worker was ended (${cause.message})`));
    }
    void w.terminate();
    onLost();
  };
  const spawn = (limited: boolean, onLost: () => void): Worker => {
    const port = keywords.connect();
    const w = new Worker(new URL("./parse-worker.js", import.meta.url), {
      workerData: { keywords: port },
      transferList: [port],
      ...(limited ? { resourceLimits: { maxOldGenerationSizeMb: heapMB } } : {}),
    });
    if (unreferenced) w.unref();
    w.on("message", (m: ParseReply | ParseProgress | { id: number; error: string }) => {
      if ("phase" in m) {
        const job = waiting.get(m.id);
        if (!job) return;
        clearTimeout(job.timer);
        if (m.phase === "parsing") {
          const ms = deadline.baseMs + (deadline.perMbMs * job.bytes) / (1024 * 1024);
          job.timer = setTimeout(() => lose(w, m.id, new TimedOut(`${job.path}: took longer than ${Math.round(ms / 1000)} s to read; skipped (a damaged file?)`), onLost), ms);
        } else job.onParsed?.();
        return;
      }
      const job = settle(m.id);
      if (!job) return;
      if ("error" in m) job.reject(new Error(`${job.path}: ${m.error}`));
      else job.resolve(m);
    });
    w.on("error", (e: Error & { code?: string }) => {
      if (e.code !== "ERR_WORKER_OUT_OF_MEMORY") return failAll(new Error(`a parse worker failed: ${e.message}`, { cause: e }));
      // every file this worker had is given back; which one was too large is not known
      lose(w, null, new OutOfMemory(`ran out of a parse worker's ${heapMB} MB heap`), onLost);
    });
    return w;
  };
  // a worker that was lost is replaced, a few times; past that the heap limit is too small for this
  // corpus (or its files too damaged) and files go to workers of their own
  let replacements = 0;
  const workers: Array<Worker | null> = [];
  const replace = (k: number) => () => void (workers[k] = replacements++ < 4 * jobs ? spawn(true, replace(k)) : null);
  for (let k = 0; k < jobs; k++) workers.push(spawn(true, replace(k)));
  const post = (w: Worker, path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void) =>
    new Promise<ParseReply>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { path, bytes: bytes.byteLength, worker: w, resolve, reject, onParsed });
      // the bytes are moved, not copied: the caller is done with them
      const buffer = bytes.buffer.byteLength === bytes.byteLength ? [bytes.buffer as ArrayBuffer] : [];
      w.postMessage({ id, path, bytes, sha256 } satisfies ParseRequest, buffer);
    });
  // least-loaded dispatch; ties go to the lower index
  const load = new Array<number>(jobs).fill(0);
  return {
    parse(path, bytes, sha256, onParsed) {
      const k = load.indexOf(Math.min(...load));
      const w = workers[k];
      if (!w) return this.parseAlone(path, bytes, sha256, onParsed);
      load[k]++;
      return post(w, path, bytes, sha256, onParsed).finally(() => load[k]--);
    },
    async parseAlone(path, bytes, sha256, onParsed) {
      const w = spawn(false, () => {});
      try {
        return await post(w, path, bytes, sha256, onParsed);
      } finally {
        await w.terminate();
      }
    },
    get failed() {
      return failed;
    },
    unref() {
      unreferenced = true;
      for (const w of workers) w?.unref();
    },
    async close() {
      // a file asked for later fails at once instead of waiting on a worker that is gone
      failed ??= new Error("the parse pool is closed");
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}
