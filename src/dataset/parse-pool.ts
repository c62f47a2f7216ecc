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
  /** rejects with OutOfMemory when the file (or another in flight on its worker) was too large;
   *  `onParsed` is called when the file is parsed and waits for its keywords */
  parse(path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void): Promise<ParseReply>;
  /** parses one file on a worker of its own, without a heap limit */
  parseAlone(path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void): Promise<ParseReply>;
  close(): Promise<void>;
}

/** One parse worker per core but the one the keyword worker keeps busy: on 2 cores, two parse
 *  workers beside the keyword worker were measured slower than one (the three threads share two
 *  cores, and keywords set the pace), and they cost 150 MB more. */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

/**
 * A parse worker's old-generation heap, in MB. Its live data is some 80 MB (OpenCC's tries, the
 * mojibake word model, the file at hand); without a limit V8 lets the heap grow lazily with the
 * length of the run (measured: 707 MB peak for the process on 700 files, 594 MB with this limit, for
 * 4% more time). A file too large for it is parsed again by a worker of its own, without a limit.
 */
export const PARSE_HEAP_MB = 192;

/** The worker parsing a file ran out of its heap: the caller may retry it with parseAlone. */
export class OutOfMemory extends Error {}

export function startParsePool(jobs: number, keywords: KeywordWorker, heapMB = PARSE_HEAP_MB): ParsePool {
  let next = 0;
  const waiting = new Map<number, { path: string; worker: Worker; resolve: (r: ParseReply) => void; reject: (e: Error) => void; onParsed?: () => void }>();
  // once a worker has failed, every file waiting and every file asked for later fails with it
  let failed: Error | null = null;
  const failAll = (e: Error) => {
    failed ??= e;
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  keywords.onError((e) => failAll(new Error(`the keyword worker failed: ${e.message}`, { cause: e })));
  const spawn = (limited: boolean, onOutOfMemory: () => void): Worker => {
    const port = keywords.connect();
    const w = new Worker(new URL("./parse-worker.js", import.meta.url), {
      workerData: { keywords: port },
      transferList: [port],
      ...(limited ? { resourceLimits: { maxOldGenerationSizeMb: heapMB } } : {}),
    });
    w.on("message", (m: ParseReply | { id: number; error: string } | { id: number; parsed: true }) => {
      const job = waiting.get(m.id);
      if (!job) return;
      if ("parsed" in m) return job.onParsed?.();
      waiting.delete(m.id);
      if ("error" in m) job.reject(new Error(`${job.path}: ${m.error}`));
      else job.resolve(m);
    });
    w.on("error", (e: Error & { code?: string }) => {
      if (e.code !== "ERR_WORKER_OUT_OF_MEMORY") return failAll(new Error(`a parse worker failed: ${e.message}`, { cause: e }));
      // every file this worker had is given back; which one was too large is not known
      for (const [id, job] of waiting) {
        if (job.worker !== w) continue;
        waiting.delete(id);
        job.reject(new OutOfMemory(`${job.path}: ran out of a parse worker's ${heapMB} MB heap`));
      }
      onOutOfMemory();
    });
    return w;
  };
  // a worker that ran out of memory is replaced, a few times; past that the limit is too small for
  // this corpus and files go to workers of their own
  let replacements = 0;
  const workers: Array<Worker | null> = [];
  const replace = (k: number) => () => void (workers[k] = replacements++ < 4 * jobs ? spawn(true, replace(k)) : null);
  for (let k = 0; k < jobs; k++) workers.push(spawn(true, replace(k)));
  const post = (w: Worker, path: string, bytes: Uint8Array, sha256: string, onParsed?: () => void) =>
    new Promise<ParseReply>((resolve, reject) => {
      if (failed) return reject(failed);
      const id = next++;
      waiting.set(id, { path, worker: w, resolve, reject, onParsed });
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
    async close() {
      await Promise.all(workers.map((w) => w?.terminate()));
    },
  };
}
