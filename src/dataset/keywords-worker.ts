// A worker thread that loads nodejieba's dictionaries (about a second) as soon as it starts, while
// other threads decode, clean and segment; then it answers keyword requests. One such worker serves
// every parse worker (through a MessagePort each), so the dictionaries are in memory once.
// It stops itself when asked (see KeywordWorker.close): a thread terminated while nodejieba's
// native code runs aborts the whole process, so it is never terminated from outside while busy.
import { parentPort, workerData, type MessagePort } from "node:worker_threads";
import { keywords, preload } from "../segment/keywords.js";

interface Request {
  id: number;
  texts: string[];
}

const state = new Int32Array((workerData as { state: SharedArrayBuffer }).state);
const stopping = () => Atomics.load(state, 0) === 1;
/** Says it has stopped (a main thread may be waiting on it) and ends this thread (in a worker,
 *  process.exit ends the thread only); it runs between two native calls. */
const quit = (): never => {
  Atomics.store(state, 1, 1);
  Atomics.notify(state, 1);
  return process.exit(0);
};

const answer = (port: MessagePort | typeof parentPort) => (msg: Request & { port?: MessagePort }) => {
  if (stopping()) quit();
  if (msg.port) {
    // a parse worker's own line to this worker
    msg.port.on("message", answer(msg.port));
    return;
  }
  const t = performance.now();
  const lists: string[][] = [];
  for (const text of msg.texts) {
    if (stopping()) quit();
    lists.push(keywords(text));
  }
  port!.postMessage({ id: msg.id, lists, ms: performance.now() - t });
};

preload();
if (stopping()) quit();
parentPort!.on("message", answer(parentPort));
