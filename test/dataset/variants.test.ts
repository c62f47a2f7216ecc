// The seed plans delivered differently (fixtures/variants, made by its make.mjs): another encoding,
// traditional characters, a saved page with a real <table rowspan> (with and without a 序号
// column), a table a cell per line without row numbers, headings garbled as in 004.
// The same code must score as well on them as on the seeds, against the same expectations.
import { describe, expect, it } from "vitest";
import { dataset } from "../datasets.js";
import { formatScore, scoreDocument } from "../score.js";
import { readExpected } from "../helpers.js";

const CN = "一二三四五六七八九十";

describe.each([
  ["lezhi-gbk.txt", "lezhi", "gb18030", "simplified"],
  ["linan-big5.txt", "linan", "big5", "traditional"],
  ["yongjia-utf16le.txt", "yongjia", "utf-16le", "simplified"],
  ["linan-page.html", "linan", "utf-8", "simplified"],
  // its indicator table without the 序号 column, 类别 still spanning its rows
  ["linan-page-unnumbered.html", "linan", "utf-8", "simplified"],
  // its indicator table printed a cell per line without 序号 or row numbers
  ["lezhi-unnumbered.txt", "lezhi", "utf-8", "simplified"],
  ["lezhi-garbled.txt", "lezhi", "utf-8", "traditional"],
])("%s", (file, slug, encoding, script) => {
  const result = dataset(`variant:${file}`);
  const doc = result.documents[0]!;
  const gold = readExpected(slug);
  const score = scoreDocument(doc, gold);

  it(`is read as ${encoding}, ${script}, and becomes ${slug}`, () => {
    console.log(formatScore(`${slug} from ${file}`, score));
    expect(result.documents).toHaveLength(1);
    expect(doc.slug).toBe(slug);
    expect(doc.sources[0]).toMatchObject({ encoding, script });
  });
  it("scores the bar: metadata, outline, indicators and projects", () => {
    expect(score.metaMisses).toEqual([]);
    expect(score.chapters.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.sections.f1).toBeGreaterThanOrEqual(0.98);
    expect(score.items.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.indicators.f1).toBeGreaterThanOrEqual(0.95);
    expect(score.indfields).toBeGreaterThanOrEqual(0.95);
    expect(score.projects.f1).toBeGreaterThanOrEqual(0.9);
  });
  it("gives every section heading exactly", () => {
    const got = doc.chapters.flatMap((c) => c.sections.map((s) => `${c.no}（${CN[s.no - 1]}）${s.title}`));
    const want = gold.sections.map((s: { chapter: number; no: number; title: string }) => `${s.chapter}（${CN[s.no - 1]}）${s.title}`);
    expect(got.map((t) => t.replace(/[，,]/g, "，"))).toEqual(want.map((t: string) => t.replace(/[，,]/g, "，")));
  });
});
