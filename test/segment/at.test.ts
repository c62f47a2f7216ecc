// Every fact says where it was read (model.ts At): its source, the lines of the source's decoded text
// it stands on, and their pages where the source has pages. Checked on the seeds' dataset and on
// every fixture plan (variants, wild, and the PDF, DOCX and DOC formats): the text at a fact's lines,
// cleaned as the fact's text was, prints the fact's name or value.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model.js";
import { factsOf, type Fact, type Located } from "../../src/segment/at.js";
import { segment } from "../../src/segment/index.js";
import { textPages } from "../../src/text/page-numbers.js";
import { dataset } from "../datasets.js";
import { readBytes } from "../helpers.js";
import { cleanTextAt, prepared, prints } from "../provenance.js";
import type { Prepared } from "../../src/pipeline.js";

/** A document's facts: the metadata fields with where they were read, and the outline, rows and projects. */
export const documentFacts = (d: PlanDocument): Fact[] => factsOf({ ...d, meta: { ...d, at: d.metaAt } } as Located);

/** The facts whose `at` does not print them, as "label “name” at citation: text". */
function unprinted(facts: Fact[], source: (path: string) => Prepared): string[] {
  return facts.flatMap((f) => {
    const text = cleanTextAt(source(f.at.source).cleaned, f.at);
    return prints(text, f.label, f.name) ? [] : [`${f.label} “${f.name}” at ${f.at.lines.join(";")}: ${JSON.stringify(text.slice(0, 60))}`];
  });
}

describe("the seeds", () => {
  const { documents } = dataset("seeds");

  it.each(documents.map((d) => [d.slug, d] as const))("%s: every fact's lines print it", async (_, d) => {
    const sources = new Map<string, Prepared>();
    for (const s of d.sources) sources.set(s.path, await prepared(readBytes(`seeds/${s.path}`), s.path));
    const facts = documentFacts(d);
    const sections = d.chapters.flatMap((c) => c.sections);
    const items = d.chapters.flatMap((c) => [...c.items, ...c.sections.flatMap((s) => s.items)]);
    expect(facts.filter((f) => f.kind !== "meta")).toHaveLength(d.chapters.length + sections.length + items.length + d.indicators.length + d.projects.length);
    for (const f of facts) {
      expect(d.sources.map((s) => s.path)).toContain(f.at.source);
      expect(f.at.lines.length).toBeGreaterThan(0);
      expect(f.at.lines).toEqual([...new Set(f.at.lines)].sort((a, b) => a - b));
    }
    expect(unprinted(facts, (p) => sources.get(p)!)).toEqual([]);
  });

  it("every metadata field the seeds state says where it was read; the text copies print no page numbers to go by", () => {
    for (const d of documents) {
      for (const k of ["title", "issuer", "docNumber", "issuedDate", "county", "period"] as const) expect(d.metaAt[k] === null, `${d.slug} ${k}`).toBe(d[k] === null);
      expect(documentFacts(d).every((f) => f.at.pages.length === 0)).toBe(true);
    }
    const yongjia = documents.find((d) => d.slug === "yongjia")!;
    // the period stands in the first paragraph's first line, of the thirteen it was unwrapped from
    expect(yongjia.metaAt.period).toEqual({ source: "003_cf0accc487ded217.txt", lines: [21], pages: [] });
    // a heading run into its paragraph is where its title is printed, not the whole paragraph
    expect(yongjia.chapters[2]!.sections[0]!.items[0]!.at.lines).toHaveLength(1);
  });

  it("a table row stands on every line its cells were printed on, its merged cells' too", () => {
    const yongjia = documents.find((d) => d.slug === "yongjia")!;
    const row = yongjia.indicators.find((i) => i.name === "生产安全事故死亡人数" && i.period === "13th")!;
    // 269–275: the merged 分类 cell printed a character a line (安全/生产/综合/指标); 276: the row
    expect(row.at.lines).toEqual([269, 271, 273, 275, 276]);
  });
});

const fixtures = (dir: string, ext: RegExp) =>
  readdirSync(new URL(`../../${dir}/`, import.meta.url))
    .filter((f) => ext.test(f))
    .sort()
    .map((f) => `${dir}/${f}`);

describe("the fixtures", () => {
  const files = [...fixtures("fixtures/variants", /\.(txt|html?)$/), ...fixtures("fixtures/wild", /\.(txt|html?)$/), ...fixtures("fixtures/formats", /\.(pdf|docx|doc)$/)];

  it("are all here", () => expect(files.length).toBeGreaterThan(50));

  it.each(files)("%s: every fact's lines print it; a PDF's and a laid-out copy's facts have their pages", async (file) => {
    const p = await prepared(readBytes(file), file);
    const seg = segment(p.cleaned.lines, p.cleaned.meta, file, { recordLines: p.cleaned.metaLines, places: p.places });
    const facts = factsOf(seg);
    const count = p.read.text.split(/\r\n|\r|\n/).length;
    for (const f of facts) {
      expect(f.at.source).toBe(file);
      expect(f.at.lines.length).toBeGreaterThan(0);
      expect(f.at.lines.every((n) => n >= 1 && n <= count)).toBe(true);
    }
    expect(unprinted(facts, () => p)).toEqual([]);
    if (p.read.format === "pdf" || file.endsWith("layout.txt")) {
      const pages = p.read.info.pages ?? Infinity;
      for (const f of facts) expect(f.at.pages.length > 0 && f.at.pages.every((n) => n >= 1 && n <= pages), `${f.label} ${f.name}`).toBe(true);
    }
  });
});

describe("a saved web page", () => {
  it("whose cells and paragraphs run over several lines of markup: a fact stands on every line of its text", async () => {
    const html = [
      "<html><body>",
      "<p>一、总体",
      "  要求</p>",
      "<p>表1 主要指标</p>",
      "<table>",
      "<tr><td>序号</td><td>指标名称</td><td>2025年目标</td><td>指标属性</td></tr>",
      "<tr>",
      "  <td>1</td>",
      "  <td>生产安全事故",
      "      死亡人数</td>",
      "  <td>下降15%</td>",
      "  <td>约束性</td>",
      "</tr>",
      "</table>",
      "</body></html>",
    ].join("\n");
    const p = await prepared(new TextEncoder().encode(html), "page.html");
    const seg = segment(p.cleaned.lines, p.cleaned.meta, "page.html", { recordLines: p.cleaned.metaLines, places: p.places });
    expect(seg.chapters[0]!.at.lines).toEqual([2, 3]);
    expect(seg.indicators[0]!.at.lines).toEqual([8, 9, 10, 11, 12]);
    const raw = html.split("\n");
    const printed = (lines: number[]) => lines.map((n) => raw[n - 1]!.replace(/<[^>]*>/g, "")).join("").replace(/\s+/g, "");
    expect(printed(seg.indicators[0]!.at.lines)).toBe("1生产安全事故死亡人数下降15%约束性");
  });
});

describe("pages of a PDF's text copy", () => {
  /** a page of six lines of text, closed by its number */
  const page = (n: number) => [...Array.from({ length: 6 }, (_, k) => `第${n}页的第${k + 1}行文字`), "", `— ${n} —`];

  it("are told by the page numbers that close pages, where they run in sequence", () => {
    const text = [...page(1), ...page(2), "最后一页"];
    const pages = textPages(text)!;
    expect(pages.slice(0, 8)).toEqual(Array(8).fill(1));
    expect(pages.slice(8, 16)).toEqual(Array(8).fill(2));
    expect(pages.at(-1)).toBe(3);
  });
  it("leave the lines before a first number other than 1 and between numbers out of sequence unknown", () => {
    const pages = textPages([...page(3), ...page(4), ...page(7), ...page(8)])!;
    expect(pages.slice(0, 8)).toEqual(Array(8).fill(null));
    expect(pages.slice(8, 16)).toEqual(Array(8).fill(4));
    expect(pages.slice(16, 24)).toEqual(Array(8).fill(null));
    expect(pages.slice(24, 32)).toEqual(Array(8).fill(8));
  });
  it("are not told by one page number alone, nor by a viewer's page labels a line apart", () => {
    expect(textPages([...page(1), "正文"])).toBeNull();
    expect(textPages(["标题", "第1页 / 共23页", "标题", "第2页 / 共23页", "正文", "正文"])).toBeNull();
  });
  it("follow form feeds where the copy has them (pdftotext): a line is on the page its text starts on", () => {
    expect(textPages(["一", "二\f", "\f三", "四", "\f\f五"])).toEqual([1, 1, 3, 3, 5]);
  });
});
