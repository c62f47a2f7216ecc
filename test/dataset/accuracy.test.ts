// Accuracy against the hand-checked expectations in fixtures/expected/, scored the way the reference
// scorer does, with the bar as assertions. Prints precision/recall per county and list.
import { describe, expect, it } from "vitest";
import { readdirSync } from "node:fs";
import { ingest } from "../../src/dataset/ingest.js";
import { formatScore, scoreDocument, type Score } from "../score.js";
import { readBytes, readText, root, seedNames } from "../helpers.js";

const golds = readdirSync(new URL("fixtures/expected/", root))
  .filter((f) => f.endsWith(".json"))
  .map((f) => JSON.parse(readText(`fixtures/expected/${f}`)));
const result = await ingest(seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: "test" });
const scores = new Map<string, Score>();
for (const g of golds) {
  const doc = result.documents.find((d) => d.slug === g.slug);
  if (doc) scores.set(g.slug, scoreDocument(doc, g));
}

describe("accuracy on the seeds", () => {
  it("builds one document per county, from the right sources", () => {
    expect(result.documents.map((d) => d.slug).sort()).toEqual(golds.map((g) => g.slug).sort());
    for (const g of golds) expect(result.documents.find((d) => d.slug === g.slug)!.sources.map((s) => s.path)).toEqual(g.sources);
    for (const [slug, s] of scores) console.log(formatScore(slug, s));
  });
  it.each(golds.map((g) => g.slug))("%s: metadata all correct", (slug) => {
    expect(scores.get(slug)!.metaMisses).toEqual([]);
  });
  it.each(golds.map((g) => g.slug))("%s: chapters and sections ≥ 0.98 F1, roles right, items ≥ 0.95", (slug) => {
    const s = scores.get(slug)!;
    expect(s.chapters.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.roles).toBe(1);
    expect(s.sections.f1).toBeGreaterThanOrEqual(0.98);
    expect(s.items.f1).toBeGreaterThanOrEqual(0.95);
  });
  it.each(golds.map((g) => g.slug))("%s: indicators ≥ 0.95 F1 with fields ≥ 0.95 right", (slug) => {
    const s = scores.get(slug)!;
    expect(s.indicators.f1).toBeGreaterThanOrEqual(0.95);
    expect(s.indfields).toBeGreaterThanOrEqual(0.95);
  });
  it.each(golds.map((g) => g.slug))("%s: projects ≥ 0.90 F1 and table investments add up", (slug) => {
    const s = scores.get(slug)!;
    expect(s.projects.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.investment[0]).toBe(s.investment[1]);
  });
});

describe("what the page breaks of 003 scattered", () => {
  it("attaches 专栏3's entry 6, printed after 专栏4 and the next section's heading, to its own box", () => {
    const yj = result.documents.find((d) => d.slug === "yongjia")!;
    const box3 = yj.projects.filter((p) => p.group === "应急管理数字治理建设工程");
    expect(box3.map((p) => p.no)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(box3[5]!.name).toBe("应急指挥平台建设");
    expect(yj.notes.some((n) => n.kind === "box-entry-displaced" && n.line === 1685)).toBe(true);
  });
});
