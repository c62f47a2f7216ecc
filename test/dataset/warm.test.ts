// Warm workers (dataset/warm.ts): a host's builds share one keyword process and one pool of parse
// workers per number of workers, and build what a build with workers of its own builds. Run from the
// built workers (dist/), as the CLI runs them.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { filesOf } from "../datasets.js";
import { root, seedNames } from "../helpers.js";

const dist = (p: string) => import(new URL(`dist/${p}`, root).href);

describe("warm workers", () => {
  it("serve build after build from one pool, and build what a build's own workers build", async () => {
    const { warmWorkers } = await dist("dataset/warm.js");
    const { buildDataset } = await dist("dataset/build.js");
    const { memorySink } = await dist("dataset/emit.js");
    const { version } = await dist("version.js");
    const file = seedNames().find((n) => n.startsWith("002"))!;
    const inputs = [{ path: file, read: () => readFileSync(new URL(`seeds/${file}`, root)) }];
    const warm = warmWorkers();
    try {
      const pool = warm.parsers(1);
      expect(warm.parsers(1)).toBe(pool);
      for (let build = 0; build < 2; build++) {
        const sink = memorySink();
        const result = await buildDataset(inputs, sink, { workers: 1, keywords: warm.keywords, parsers: warm.parsers, toolVersion: version });
        expect(result.parsed).toBe(1);
        // what the setup built with the build's own workers
        expect(Object.fromEntries(sink.files)).toEqual(filesOf("seeds:002"));
      }
      // the builds left the pool running, for the next
      expect(pool.failed).toBeNull();
      expect(warm.parsers(1)).toBe(pool);
    } finally {
      await warm.close();
    }
  }, 30_000);
});
