// Property tests on the pure stages: whatever bytes or text arrive, read, clean and segment answer
// with a result or a typed refusal, never an exception.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "../src/clean/index.js";
import { read } from "../src/read/index.js";
import { ingest } from "../src/dataset/ingest.js";
import { segment } from "../src/segment/index.js";
import { readText, seedNames } from "./helpers.js";

/** Lines of plan-like text: headings, numbered items, table rows, values and noise, mixed at random. */
const planLine = fc.oneof(
  fc.constantFrom("一、总体要求", "（一）指导思想", "1.健全应急管理体制", "序号\t指标名称\t2025年目标", "1\t生产安全事故死亡人数\t下降15%", "专栏1：重点工程", "主要指标", "序号", "注：带〔〕指标为五年平均数", "<p>", "?。ㄒ唬", "——总体目标", "附件：重点工程"),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.stringMatching(/^[一二三四五六七八九十（）0-9.、：\t 下降%<>≤〔〕]{0,20}$/),
);
const planText = fc.array(planLine, { maxLength: 60 }).map((lines) => lines.join("\n"));

describe("read", () => {
  it("returns text or a refusal for any bytes, never throws", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        const r = await read(bytes, "any.bin");
        if (r.ok) expect(typeof r.text).toBe("string");
        else expect(r.message).toContain("any.bin");
      }),
      { numRuns: 300 },
    );
  });
  it("reads back any text it is given as UTF-8", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme", minLength: 1, maxLength: 200 }).filter((s) => !s.includes("\0")), async (text) => {
        const r = await read(new TextEncoder().encode(text), "t.txt");
        if (r.ok) expect(r.text.replace(/^\ufeff/, "")).toBe(text.replace(/^\ufeff/, ""));
      }),
      { numRuns: 200 },
    );
  });
});

describe("clean and segment", () => {
  it("clean keeps line numbers in order and never throws, for any text", () => {
    fc.assert(
      fc.property(planText, (text) => {
        const r = clean(text, "t.txt");
        for (let i = 1; i < r.lines.length; i++) expect(r.lines[i]!.line).toBeGreaterThanOrEqual(r.lines[i - 1]!.line);
        for (const l of r.lines) expect(l.text.trim()).not.toBe("");
      }),
      { numRuns: 150 },
    );
  });
  it("segment returns chapters, indicators and projects (maybe empty) for any clean text", () => {
    fc.assert(
      fc.property(planText, (text) => {
        const c = clean(text, "t.txt");
        const s = segment(c.lines, c.meta, "t.txt");
        expect(Array.isArray(s.chapters) && Array.isArray(s.indicators) && Array.isArray(s.projects)).toBe(true);
        for (const i of s.indicators) expect(i.name).not.toBe("");
      }),
      { numRuns: 150 },
    );
  });
  it("ingest survives a real plan with random lines spliced in", async () => {
    const seed = readText(`seeds/${seedNames().find((n) => n.startsWith("002"))}`).split("\n");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(seed.length), planLine), { maxLength: 8 }), async (inserts) => {
        const lines = [...seed];
        for (const [at, line] of inserts) lines.splice(at, 0, line);
        const r = await ingest([{ path: "p.txt", bytes: new TextEncoder().encode(lines.join("\n")) }], { toolVersion: "t" });
        expect(r.documents.length + r.skipped.length).toBe(1);
      }),
      { numRuns: 15 },
    );
  });
});
