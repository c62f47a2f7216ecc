// Workers kept warm for many builds: one keyword process, and per number of workers one pool of
// parse workers that has loaded the pipeline. A host that runs build after build (the tests run
// the commands in their own process) loads nodejieba's dictionaries and the pipeline once, instead
// of once per build; what is built is the same.
import { startKeywordWorker, type KeywordWorker } from "./keywords-pool.js";
import { startParsePool, type ParsePool } from "./parse-pool.js";

export interface WarmWorkers {
  keywords(): KeywordWorker;
  /** a pool of `jobs` parse workers whose keywords come from keywords() */
  parsers(jobs: number): ParsePool;
  close(): Promise<void>;
}

/**
 * Started on first use; a keyword process or pool that failed is replaced on the next use. With
 * `unref`, they do not keep the host's process alive (they end with it).
 */
export function warmWorkers(options: { unref?: boolean } = {}): WarmWorkers {
  let keywords: KeywordWorker | null = null;
  const pools = new Map<number, ParsePool>();
  const keywordWorker = (): KeywordWorker => {
    if (keywords) return keywords;
    const worker = startKeywordWorker();
    if (options.unref) worker.unref();
    worker.onError(() => {
      if (keywords === worker) keywords = null;
    });
    return (keywords = worker);
  };
  return {
    keywords: keywordWorker,
    parsers(jobs) {
      const pool = pools.get(jobs);
      // a failed keyword process fails the pools that ask it
      if (pool && !pool.failed) return pool;
      void pool?.close();
      const fresh = startParsePool(jobs, keywordWorker());
      if (options.unref) fresh.unref();
      pools.set(jobs, fresh);
      return fresh;
    },
    async close() {
      await Promise.all([...pools.values()].map((p) => p.close()));
      pools.clear();
      await keywords?.close();
      keywords = null;
    },
  };
}
