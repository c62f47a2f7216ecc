// A worker thread that loads nodejieba's dictionaries (about a second) as soon as it starts, while
// the main thread decodes, cleans and segments; then it answers keyword requests.
import { parentPort } from "node:worker_threads";
import { keywords, preload } from "./keywords.js";

preload();
parentPort!.on("message", (msg: { id: number; texts: string[] }) => {
  parentPort!.postMessage({ id: msg.id, lists: msg.texts.map((t) => keywords(t)) });
});
