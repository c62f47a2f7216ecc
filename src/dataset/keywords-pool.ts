// The keyword process's handles: the main thread starts it (see keywords-process.ts) and
// relays to it the requests of each parse worker, which asks for keywords through keywordClient.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import type { KeywordRequest } from "./keywords-process.js";

export interface KeywordWorker {
  /** a port on which another thread can ask for keywords itself (see keywordClient) */
  connect(): MessagePort;
  /** called once if the worker dies (its requests, and those of connected threads, are lost); at
   *  once when it has died already */
  onError(f: (e: Error) => void): void;
  close(): Promise<void>;
  /** ends it at once, without waiting: for an exit on Ctrl-C */
  stopNow(): void;
  /** lets this process end while the keyword process idles (it then ends too, its channel gone):
   *  for a host that keeps one for many builds */
  unref(): void;
}

/** Asks for keywords over a port (the main thread's or a parse worker's) and matches the answers. */
export interface KeywordReply {
  id: number;
  lists: string[][];
  /** milliseconds the keyword process spent on the request (not counting its queue) */
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

/** glibc's tunable (2.35 and later) that has malloc put its memory on transparent huge pages where
 *  the system allows them; other C libraries and systems ignore the variable. */
const HUGE_PAGES = "glibc.malloc.hugetlb=1";

/** The GLIBC_TUNABLES the keyword process starts with: the user's own, and huge pages unless the
 *  user has set that tunable themselves. */
export function keywordTunables(own: string | undefined): string {
  if (!own) return HUGE_PAGES;
  return /(^|:)glibc\.malloc\.hugetlb=/.test(own) ? own : `${own}:${HUGE_PAGES}`;
}

/** What the keyword process sends: an answer for a parse worker, or why it cannot load. */
type KeywordMessage = (KeywordReply & { to: number }) | { error: { message: string; code?: string } };

export function startKeywordWorker(): KeywordWorker {
  const child = fork(fileURLToPath(new URL("./keywords-process.js", import.meta.url)), [], {
    env: { ...process.env, GLIBC_TUNABLES: keywordTunables(process.env.GLIBC_TUNABLES) },
    // the parent's flags (a test runner's loaders, a profiler) are not for this process
    execArgv: [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
    serialization: "advanced",
  });
  /** each parse worker's line, by the number its requests are relayed with */
  const lines: MessagePort[] = [];
  const onError: Array<(e: Error) => void> = [];
  let failed: Error | null = null;
  let ending = false;
  const fail = (e: Error) => {
    if (failed || ending) return;
    failed = e;
    for (const f of onError) f(e);
  };
  // a process that could not be started has no exit to wait for, only its error
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", () => resolve());
  });
  child.on("message", (m: KeywordMessage) => {
    if ("error" in m) fail(Object.assign(new Error(m.error.message), { code: m.error.code }));
    else lines[m.to]?.postMessage({ id: m.id, lists: m.lists, ms: m.ms } satisfies KeywordReply);
  });
  child.on("error", (e) => fail(e));
  child.on("exit", (code, signal) => fail(new Error(`the keyword process ended (${signal ?? `exit ${code}`})`)));
  const end = () => {
    ending = true;
    for (const line of lines) line.close();
    // nothing of it is kept: killed, it does not spend time freeing its dictionaries
    child.kill("SIGKILL");
  };
  return {
    onError: (f) => void (failed ? f(failed) : onError.push(f)),
    connect() {
      const { port1, port2 } = new MessageChannel();
      const to = lines.push(port1) - 1;
      port1.on("message", (m: { id: number; texts: string[] }) => {
        if (!failed && !ending) child.send({ to, id: m.id, texts: m.texts } satisfies KeywordRequest);
      });
      // the thread on the other end is gone (its pool closed): nothing more comes on this line
      port1.once("close", () => void port1.removeAllListeners("message"));
      return port2;
    },
    unref() {
      child.unref();
      child.channel?.unref();
    },
    stopNow() {
      if (!ending) end();
    },
    async close() {
      if (!ending) end();
      await exited;
    },
  };
}
