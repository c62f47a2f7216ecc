// A worker thread that loads nodejieba's dictionaries (about a second) as soon as it starts, while
// other threads decode, clean and segment; then it answers keyword requests. One such worker serves
// every parse worker (through a MessagePort each), so the dictionaries are in memory once.
import { parentPort, type MessagePort } from "node:worker_threads";
import { keywords, preload } from "./keywords.js";

interface Request {
  id: number;
  texts: string[];
}

const answer = (port: MessagePort | typeof parentPort) => (msg: Request & { port?: MessagePort }) => {
  if (msg.port) {
    // a parse worker's own line to this worker
    msg.port.on("message", answer(msg.port));
    return;
  }
  const t = performance.now();
  const lists = msg.texts.map((text) => keywords(text));
  port!.postMessage({ id: msg.id, lists, ms: performance.now() - t });
};

preload();
parentPort!.on("message", answer(parentPort));
