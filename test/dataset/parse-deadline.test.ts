// A file's parse is bounded in time: past its deadline its worker is ended and the file is given
// back as TimedOut (ingest then tries it alone once, and skips it with that reason). The pool runs
// the built workers (dist/), as the CLI does; `npm test` builds first.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readBytes, root } from "../helpers.js";

const dist = (p: string) => import(new URL(`dist/${p}`, root).href);

describe("the parse deadline", () => {
  it("ends a worker whose file takes too long, and another worker reads it in time", async () => {
    const { startParsePool, TimedOut } = await dist("dataset/parse-pool.js");
    const { startKeywordWorker } = await dist("dataset/keywords-pool.js");
    const keywords = startKeywordWorker();
    const bytes = () => readBytes("fixtures/formats/lezhi.pdf");
    const sha = createHash("sha256").update(bytes()).digest("hex");
    const hurried = startParsePool(1, keywords, 192, { baseMs: 1, perMbMs: 0 });
    try {
      await expect(hurried.parse("lezhi.pdf", bytes(), sha)).rejects.toBeInstanceOf(TimedOut);
      await expect(hurried.parseAlone("lezhi.pdf", bytes(), sha)).rejects.toThrow(/lezhi.pdf: took longer than 0 s to read; skipped/);
    } finally {
      await hurried.close();
    }
    const patient = startParsePool(1, keywords);
    try {
      const reply = await patient.parse("lezhi.pdf", bytes(), sha);
      expect(reply.input).toMatchObject({ format: "pdf", status: "ok", document: "lezhi" });
    } finally {
      await patient.close();
      await keywords.close();
    }
  }, 60_000);
});
