// The keyword worker's handles: the main thread starts it and connects each parse worker to it; a
// parse worker asks it for keywords through keywordClient.
import { MessageChannel, Worker, type MessagePort } from "node:worker_threads";

export interface KeywordWorker {
  /** a port on which another thread can ask for keywords itself (see keywordClient) */
  connect(): MessagePort;
  /** called once if the worker dies (its requests, and those of connected threads, are lost); at
   *  once when it has died already */
  onError(f: (e: Error) => void): void;
  close(): Promise<void>;
  /** close(), blocking this thread until the worker has stopped: for an exit on Ctrl-C, which must
   *  not terminate the worker inside nodejieba's native code (that aborts the process) */
  stopNow(): void;
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
  const waiting = new Map<number, (r: KeywordReply) => void>();
  port.on("message", (m) => {
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  return {
    keywordsOf(texts: string[]): Promise<KeywordReply> {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        port.postMessage({ id, texts });
      });
    },
  };
}

/** The codes with which loading nodejieba's native module fails: not built (its install script
 *  was skipped or failed), or built for another version of Node. */
const NOT_LOADABLE = new Set(["BINDING_NOT_FOUND", "ERR_DLOPEN_FAILED"]);

/** Whether `e` (or what caused it) is nodejieba's native module failing to load. */
export function isKeywordsUnavailable(e: unknown): boolean {
  for (let x = e as { code?: unknown; cause?: unknown } | undefined; x; x = x.cause as typeof x) if (typeof x.code === "string" && NOT_LOADABLE.has(x.code)) return true;
  return false;
}

/** How long close() waits for the worker to finish the text it is on before terminating it anyway. */
const STOP_WAIT_MS = 10_000;

export function startKeywordWorker(): KeywordWorker {
  // [0] set to 1 asks the worker to stop at its next chance (it checks between texts); [1] is set
  // to 1 by the worker as it stops
  const state = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(new URL("./keywords-worker.js", import.meta.url), { workerData: { state: state.buffer } });
  const onError: Array<(e: Error) => void> = [];
  let failed: Error | null = null;
  worker.on("error", (e) => {
    failed = e;
    for (const f of onError) f(e);
  });
  let gone = false;
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  void exited.then(() => (gone = true));
  const askToStop = () => {
    Atomics.store(state, 0, 1);
    // wakes it if it is waiting for work; if it is busy, it sees the flag after the current text
    worker.postMessage({ stop: true });
  };
  return {
    onError: (f) => void (failed ? f(failed) : onError.push(f)),
    connect() {
      const { port1, port2 } = new MessageChannel();
      worker.postMessage({ port: port1 }, [port1]);
      return port2;
    },
    stopNow() {
      if (gone || failed) return;
      askToStop();
      Atomics.wait(state, 1, 0, STOP_WAIT_MS);
    },
    async close() {
      if (gone) return;
      askToStop();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<"late">((resolve) => (timer = setTimeout(() => resolve("late"), STOP_WAIT_MS)));
      if ((await Promise.race([exited, late])) === "late") await worker.terminate();
      clearTimeout(timer);
    },
  };
}
