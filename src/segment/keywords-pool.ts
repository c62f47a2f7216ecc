// The keyword worker's handles: the main thread starts it and connects each parse worker to it; a
// parse worker asks it for keywords through keywordClient.
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";

export interface KeywordWorker {
  /** a port on which another thread can ask for keywords itself (see keywordClient) */
  connect(): MessagePort;
  /** called once if the worker dies (its requests, and those of connected threads, are lost) */
  onError(f: (e: Error) => void): void;
  close(): Promise<void>;
}

/** Asks for keywords over a port (the main thread's or a parse worker's) and matches the answers. */
export interface KeywordReply {
  id: number;
  lists: string[][];
  /** milliseconds the keyword worker spent on the request (not counting its queue) */
  ms: number;
}

export function keywordClient(port: { postMessage(m: unknown): void; on(e: "message", f: (m: KeywordReply) => void): void }) {
  let next = 0;
  const waiting = new Map<number, { resolve: (r: KeywordReply) => void; reject: (e: Error) => void }>();
  port.on("message", (m) => {
    waiting.get(m.id)?.resolve(m);
    waiting.delete(m.id);
  });
  return {
    keywordsOf(texts: string[]): Promise<KeywordReply> {
      const id = next++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        port.postMessage({ id, texts });
      });
    },
  };
}

export function startKeywordWorker(): KeywordWorker {
  const worker = new Worker(new URL("./keywords-worker.js", import.meta.url));
  const onError: Array<(e: Error) => void> = [];
  worker.on("error", (e) => {
    for (const f of onError) f(e);
  });
  return {
    onError: (f) => void onError.push(f),
    connect() {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ port: port1 }, [port1]);
      return port2;
    },
    async close() {
      await worker.terminate();
    },
  };
}
