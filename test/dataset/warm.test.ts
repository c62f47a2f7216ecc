// Warm workers (dataset/warm.ts): a host's builds share one keyword process and one pool of parse
// workers per number of workers, and build what a build with workers of its own builds. Run from the
// built workers (dist/), as the CLI runs them.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filesOf } from "../datasets.js";
import type { WarmWorkers } from "../../src/dataset/warm.js";
import { root, seedNames } from "../helpers.js";

const dist = (p: string) => import(new URL(`dist/${p}`, root).href);

/** The processes this one has started (Linux's /proc). */
const children = (): number[] =>
  readdirSync("/proc/self/task").flatMap((t) => readFileSync(`/proc/self/task/${t}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number));

/** Warm workers, and a build of seed 002 with them: its files (what the setup built with the
 *  build's own workers is filesOf("seeds:002")) and how many it parsed. */
async function warmBuild() {
  const { warmWorkers } = await dist("dataset/warm.js");
  const { buildDataset } = await dist("dataset/build.js");
  const { memorySink } = await dist("dataset/emit.js");
  const { version } = await dist("version.js");
  const file = seedNames().find((n) => n.startsWith("002"))!;
  const inputs = [{ path: file, read: () => readFileSync(new URL(`seeds/${file}`, root)) }];
  const warm: WarmWorkers = warmWorkers();
  const build = async () => {
    const sink = memorySink();
    const result = await buildDataset(inputs, sink, { workers: 1, keywords: warm.keywords, parsers: warm.parsers, toolVersion: version });
    return { parsed: result.parsed as number, files: Object.fromEntries(sink.files) };
  };
  return { warm, build };
}

describe("warm workers", () => {
  it("serve build after build from one pool, and build what a build's own workers build", async () => {
    const { warm, build } = await warmBuild();
    try {
      const pool = warm.parsers(1);
      expect(warm.parsers(1)).toBe(pool);
      for (let n = 0; n < 2; n++) expect(await build()).toEqual({ parsed: 1, files: filesOf("seeds:002") });
      // the builds left the pool running, for the next
      expect(pool.failed).toBeNull();
      expect(warm.parsers(1)).toBe(pool);
    } finally {
      await warm.close();
    }
  }, 30_000);

  it.skipIf(!existsSync("/proc/self/task"))("replace a keyword process that died, and the pool that was asking it, and build the same", async () => {
    const { warm, build } = await warmBuild();
    try {
      const before = new Set(children());
      const keywords = warm.keywords();
      const pool = warm.parsers(1);
      const started = children().filter((pid) => !before.has(pid));
      expect(started).toHaveLength(1);
      // it dies as a crash would end it, not as the host stops it
      const died = new Promise<Error>((resolve) => keywords.onError(resolve));
      process.kill(started[0]!, "SIGKILL");
      expect((await died).message).toMatch(/SIGKILL/);
      expect(pool.failed?.message).toMatch(/the keyword process failed/);
      expect(warm.keywords()).not.toBe(keywords);
      const fresh = warm.parsers(1);
      expect(fresh).not.toBe(pool);
      expect(await build()).toEqual({ parsed: 1, files: filesOf("seeds:002") });
      expect(fresh.failed).toBeNull();
    } finally {
      await warm.close();
    }
  }, 30_000);
});
