// N parse workers behind one promise-per-file API. Which worker parses a file changes nothing in
// the result: a file's parse depends on its bytes and path only, and the caller orders the results.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { KeywordWorker } from "../segment/keywords-pool.js";
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
  parse(path: string, bytes: Uint8Array, sha256: string): Promise<ParseReply>;
  /** how many files a caller should keep in flight to keep every worker busy */
  readonly capacity: number;
  close(): Promise<void>;
}

/** One parse worker per core but the one the keyword worker keeps busy: on 2 cores, two parse
 *  workers beside the keyword worker were measured slower than one (the three threads share two
 *  cores, and keywords set the pace), and they cost 150 MB more. */
export const defaultJobs = (): number => Math.max(1, availableParallelism() - 1);

export function startParsePool(jobs: number, keywords: KeywordWorker): ParsePool {
  let next = 0;
  const waiting = new Map<number, { path: string; resolve: (r: ParseReply) => void; reject: (e: Error) => void }>();
  const failAll = (e: Error) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  };
  keywords.onError((e) => failAll(new Error(`the keyword worker failed: ${e.message}`)));
  const workers = Array.from({ length: jobs }, () => {
    const port = keywords.connect();
    const w = new Worker(new URL("./parse-worker.js", import.meta.url), { workerData: { keywords: port }, transferList: [port] });
    w.on("message", (m: ParseReply | { id: number; error: string }) => {
      const job = waiting.get(m.id);
      if (!job) return;
      waiting.delete(m.id);
      if ("error" in m) job.reject(new Error(`${job.path}: ${m.error}`));
      else job.resolve(m);
    });
    w.on("error", (e) => failAll(new Error(`a parse worker failed: ${e.message}`)));
    return w;
  });
  // least-loaded dispatch; ties go to the lower index
  const load = new Array<number>(jobs).fill(0);
  return {
    capacity: jobs * 2,
    parse(path, bytes, sha256) {
      const id = next++;
      const k = load.indexOf(Math.min(...load));
      load[k]++;
      return new Promise<ParseReply>((resolve, reject) => {
        waiting.set(id, { path, resolve, reject });
        // the bytes are moved, not copied: the caller is done with them
        const buffer = bytes.buffer.byteLength === bytes.byteLength ? [bytes.buffer as ArrayBuffer] : [];
        workers[k]!.postMessage({ id, path, bytes, sha256 } satisfies ParseRequest, buffer);
      }).finally(() => load[k]--);
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
