// Property tests on the pure stages: whatever bytes or text arrive, read, clean and segment answer
// with a result or a typed refusal, never an exception; what segment makes of any text keeps its
// invariants; a source that parses always becomes one document.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "../src/clean/index.js";
import { emit } from "../src/dataset/emit.js";
import { parseSource, summaryOf } from "../src/dataset/parse.js";
import { planDocuments, reconcile } from "../src/dataset/reconcile.js";
import type { Chapter } from "../src/model.js";
import { read } from "../src/read/index.js";
import { placesOf } from "../src/read/places.js";
import { factsOf } from "../src/segment/at.js";
import { segment } from "../src/segment/index.js";
import { readText, seedNames } from "./helpers.js";
import { cleanTextAt, prints } from "./provenance.js";

/** The outline's invariants: chapters numbered 1, 2, 3…, sections 1, 2, 3… in each chapter, items
 *  increasing under each heading, titles present, and every line of every text taken from a clean
 *  line (the whole line, or what follows a heading's lead phrase on it). */
function expectOutlineInvariants(chapters: Chapter[], cleanLines: string[]): void {
  const fromInput = (text: string) => {
    for (const t of text ? text.split("\n") : []) expect(cleanLines.some((l) => l.endsWith(t)), `"${t}" is not from the input`).toBe(true);
  };
  const increasing = (nos: number[]) => nos.every((n, i) => i === 0 || n > nos[i - 1]!);
  chapters.forEach((c, i) => {
    expect(c.no).toBe(i + 1);
    expect(c.title).not.toBe("");
    fromInput(c.text);
    expect(c.sections.map((s) => s.no)).toEqual(c.sections.map((_, k) => k + 1));
    expect(increasing(c.items.map((it) => it.no))).toBe(true);
    for (const s of c.sections) {
      expect(s.title).not.toBe("");
      fromInput(s.text);
      expect(increasing(s.items.map((it) => it.no))).toBe(true);
    }
    for (const it of [...c.items, ...c.sections.flatMap((s) => s.items)]) {
      expect(it.title).not.toBe("");
      fromInput(it.text);
    }
  });
}

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
  it("segment keeps the outline's invariants for any clean text", () => {
    fc.assert(
      fc.property(planText, (text) => {
        const c = clean(text, "t.txt");
        const s = segment(c.lines, c.meta, "t.txt");
        expectOutlineInvariants(s.chapters, c.lines.map((l) => l.text));
        for (const i of s.indicators) expect(i.name).not.toBe("");
        for (const n of s.notes) expect(n.line === null || (n.line >= 1 && n.line <= text.split("\n").length)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
  it("every fact points at lines of the text that print it, for any text", () => {
    fc.assert(
      fc.property(planText, (text) => {
        const c = clean(text, "t.txt");
        const s = segment(c.lines, c.meta, "t.txt", { recordLines: c.metaLines, places: placesOf({ text, format: "text" }) });
        const count = text.split(/\r\n|\r|\n/).length;
        for (const f of factsOf(s)) {
          expect(f.at.lines.length).toBeGreaterThan(0);
          expect(f.at.lines.every((n) => n >= 1 && n <= count)).toBe(true);
          expect(prints(cleanTextAt(c, f.at), f.label, f.name), `${f.label} ${f.name}`).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
  it("keeps them on the real seeds", () => {
    for (const name of seedNames()) {
      const c = clean(readText(`seeds/${name}`), name);
      expectOutlineInvariants(segment(c.lines, c.meta, name).chapters, c.lines.map((l) => l.text));
    }
  });
  it("a real plan with random lines spliced in is still one document, or skipped with a reason", async () => {
    const seed = readText(`seeds/${seedNames().find((n) => n.startsWith("002"))}`).split("\n");
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(seed.length), planLine), { maxLength: 8 }), async (inserts) => {
        const lines = [...seed];
        for (const [at, line] of inserts) lines.splice(at, 0, line);
        const { input, result } = await parseSource({ path: "p.txt", bytes: new TextEncoder().encode(lines.join("\n")) });
        if (!result) {
          expect(input.status).toBe("skipped");
          expect(input.reason).toContain("p.txt");
          return;
        }
        const [planned, ...more] = planDocuments([summaryOf(result)]);
        expect(more).toEqual([]);
        const doc = reconcile([result], planned!.slug);
        expect(doc.sources.map((x) => x.role)).toEqual(["primary"]);
        expect([...emit([doc], [input], "t").keys()]).toContain(`${doc.slug}.json`);
      }),
      { numRuns: 15 },
    );
  });
});
