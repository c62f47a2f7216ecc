// The main thread's handle on the keyword worker: start it early, ask it later, stop it at the end.
import { Worker } from "node:worker_threads";

export interface KeywordWorker {
  keywordsOf(texts: string[]): Promise<string[][]>;
  close(): Promise<void>;
}

export function startKeywordWorker(): KeywordWorker {
  const worker = new Worker(new URL("./keywords-worker.js", import.meta.url));
  let next = 0;
  const waiting = new Map<number, { resolve: (l: string[][]) => void; reject: (e: Error) => void }>();
  worker.on("message", (m: { id: number; lists: string[][] }) => {
    waiting.get(m.id)?.resolve(m.lists);
    waiting.delete(m.id);
  });
  worker.on("error", (e) => {
    for (const w of waiting.values()) w.reject(e);
    waiting.clear();
  });
  return {
    keywordsOf(texts) {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        worker.postMessage({ id, texts });
      });
    },
    async close() {
      await worker.terminate();
    },
  };
}
