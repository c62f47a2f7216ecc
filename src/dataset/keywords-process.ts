// The keyword process: loads nodejieba's dictionaries as soon as it starts, while the parse workers
// decode, clean and segment; then it answers keyword requests, which the main thread relays to it
// from every parse worker, so the dictionaries are in memory once.
//
// It is a process and not a thread for two reasons. nodejieba builds its dictionary tries out of
// some 300 MB of small allocations; started with glibc's hugetlb tunable (see keywords-pool.ts),
// malloc puts them on transparent huge pages, which made loading 2.4× faster (3.9 s → 1.6 s on
// this project's 2-core machine) and that load is what a cold ingest waits on. And a process can
// be killed at any moment, where a thread ended inside nodejieba's native code aborts its process.
import { keywords, preload } from "../segment/keywords.js";

/** A request relayed by the main thread: `to` names the parse worker the answer goes back to. */
export interface KeywordRequest {
  to: number;
  id: number;
  texts: string[];
}

const send = (m: unknown, then?: () => void) => process.send!(m, undefined, undefined, then);

// Ctrl-C reaches every process of the terminal's group: the main thread decides what happens to
// the run, and ends this process itself; when the main process is gone, so is the channel
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, () => {});
process.on("disconnect", () => process.exit(0));

// requests that arrive while the dictionaries load wait in the channel: this all runs in one tick
try {
  preload();
  process.on("message", (m: KeywordRequest) => {
    const t = performance.now();
    const lists = m.texts.map((text) => keywords(text));
    send({ to: m.to, id: m.id, lists, ms: performance.now() - t });
  });
} catch (e) {
  const err = e as { message?: string; code?: unknown };
  send({ error: { message: err.message ?? String(e), code: err.code } }, () => process.exit(1));
}
