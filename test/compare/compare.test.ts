// compare on the seeds: indicators aligned one to one for every pair of counties (no false pairs),
// targets compared in the measure's direction, and every text format.
import { describe, expect, it } from "vitest";
import { Chalk } from "chalk";
import { matchIndicator } from "../../src/catalog/match.js";
import { compare } from "../../src/compare/index.js";
import { alignIndicators } from "../../src/compare/indicators.js";
import { renderCsv } from "../../src/compare/render/csv.js";
import { renderMarkdown } from "../../src/compare/render/markdown.js";
import { renderTable } from "../../src/compare/render/table.js";
import stringWidth from "string-width";
import type { Indicator, PlanDocument } from "../../src/model.js";
import { parseValue } from "../../src/segment/values.js";
import { dataset } from "../datasets.js";

const doc = (slug: string): PlanDocument => dataset("seeds").documents.find((d) => d.slug === slug)!;

// Hand-checked: the 2025 measures each pair of plans shares (names differ; the measure is the same).
const SHARED: Record<string, string[]> = {
  "yongjia linan": [
    "safety.accidents", "safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "safety.road-death-rate",
    "safety.fire-death-rate", "safety.special-equipment-death-rate", "forest.fire-monitoring-coverage", "forest.professional-team-rate",
    "rescue.firefighter-population-share", "rescue.red-cross-certification-rate", "disaster.loss-share-gdp", "disaster.death-rate",
  ],
  "yongjia lezhi": ["safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "disaster.loss-share-gdp", "disaster.death-rate"],
  "yongjia jinjiang": ["safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "disaster.loss-share-gdp", "disaster.death-rate"],
  "linan lezhi": ["safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "disaster.loss-share-gdp", "disaster.death-rate"],
  "linan jinjiang": ["safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "disaster.loss-share-gdp", "disaster.death-rate"],
  "lezhi jinjiang": ["safety.deaths", "safety.death-rate-gdp", "safety.death-rate-workers", "disaster.loss-share-gdp", "disaster.death-rate", "disaster.affected-per-100k"],
};

describe.each(Object.keys(SHARED))("%s", (pair) => {
  const [a, b] = pair.split(" ") as [string, string];
  const c = compare([doc(a), doc(b)]);
  const shared = c.indicators.filter((r) => r.values[a] && r.values[b]);

  it("aligns every shared 2025 measure, one to one", () => {
    expect(shared.map((r) => r.canonicalId).sort()).toEqual([...SHARED[pair]!].sort());
    expect(shared.every((r) => r.period === "14th" && r.alignment === "catalog")).toBe(true);
  });
  it("pairs no different measures: each row's names all match its catalog entry", () => {
    for (const r of c.indicators)
      for (const i of Object.values(r.values)) if (i) expect(matchIndicator(i.name)?.id ?? null).toBe(r.canonicalId);
    expect(c.indicators.filter((r) => r.alignment === "similar")).toEqual([]);
  });
  it("lists every indicator of both plans exactly once", () => {
    const placed = c.indicators.flatMap((r) => Object.values(r.values).filter((v): v is Indicator => v !== null));
    expect(placed).toHaveLength(doc(a).indicators.length + doc(b).indicators.length);
  });
});

describe("targets compared", () => {
  const c = compare([doc("yongjia"), doc("linan")]);
  const row = (id: string) => c.indicators.find((r) => r.key === `14th:${id}`)!;
  it("a lower level is more ambitious for a death rate (<0.005 beats ＜0.01)", () => {
    expect(row("safety.death-rate-gdp").comparison).toMatchObject({ basis: "level", mostAmbitious: ["linan"] });
  });
  it("a higher level is more ambitious for a coverage (100% beats 95%)", () => {
    expect(row("forest.fire-monitoring-coverage").comparison).toMatchObject({ basis: "level", mostAmbitious: ["yongjia"] });
  });
  it("a larger decrease is more ambitious, and a five-year average against an end-of-period figure is flagged", () => {
    expect(row("safety.deaths").comparison).toMatchObject({ basis: "change", mostAmbitious: ["linan"], averageMismatch: true });
  });
  it("equal targets are the same target", () => {
    expect(row("safety.death-rate-workers").comparison).toMatchObject({ mostAmbitious: [], note: "same target" });
  });
  it("a relative change is not compared with an absolute level", () => {
    // 永嘉 ＜0.01 deaths per 100 million yuan against 乐至's 下降33%
    const r = compare([doc("yongjia"), doc("lezhi")]).indicators.find((x) => x.key === "14th:safety.death-rate-gdp")!;
    expect(r.comparison).toMatchObject({ basis: null, mostAmbitious: [], note: "not comparable: a relative change against an absolute level" });
  });
  it("flags binding against expected", () => {
    const mk = (nature: "binding" | "expected"): Indicator => ({ table: null, period: "14th", no: 1, category: null, name: "森林火灾受害率", canonicalId: null, unit: null, baseline: null, target: parseValue("<0.8‰"), nature, department: null, at: { source: "t.txt", lines: [1], pages: [] } });
    const [r] = alignIndicators([{ slug: "a", indicators: [mk("binding")] }, { slug: "b", indicators: [mk("expected")] }]);
    expect(r!.comparison.natureMismatch).toBe(true);
  });
});

describe("names the catalog does not know", () => {
  const mk = (name: string): Indicator => ({ table: null, period: "14th", no: 1, category: null, name, canonicalId: null, unit: null, baseline: null, target: parseValue("5个"), nature: null, department: null, at: { source: "t.txt", lines: [1], pages: [] } });
  it("pair by similarity, reported with its score", () => {
    const rows = alignIndicators([{ slug: "a", indicators: [mk("省级综合减灾示范社区创建数量")] }, { slug: "b", indicators: [mk("省级综合减灾示范社区创建数")] }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.alignment).toBe("similar");
    expect(rows[0]!.similarity).toBeGreaterThanOrEqual(0.75);
  });
  it("stay apart when they are different measures", () => {
    const rows = alignIndicators([{ slug: "a", indicators: [mk("应急避难场所建设数量")] }, { slug: "b", indicators: [mk("应急物资储备库建设数量")] }]);
    expect(rows.map((r) => r.alignment)).toEqual(["single", "single"]);
  });
  it("起数 and 死亡人数 never share a row", () => {
    expect(matchIndicator("生产安全事故起数")?.id).not.toBe(matchIndicator("生产安全事故死亡人数")?.id);
    expect(matchIndicator("较大及以上生产安全事故起数")?.id).not.toBe(matchIndicator("重特大生产安全事故起数")?.id);
  });
  it("traditional names are matched once the dataset has converted them", () => {
    expect(matchIndicator("亿元地区生产总值生产安全事故死亡率")?.id).toBe("safety.death-rate-gdp");
    expect(matchIndicator("年均因自然灾害经济损失占全县 GDP比重")?.id).toBe("disaster.loss-share-gdp");
  });
});

describe("--against national", () => {
  const c = compare([doc("lezhi"), doc("jinjiang")], { against: "national" });
  it("adds the national plan's six targets as a column", () => {
    const national = c.indicators.filter((r) => r.values.national);
    expect(national).toHaveLength(6);
    expect(c.indicators.find((r) => r.key === "14th:safety.deaths")!.values.national!.target!.raw).toBe("下降15%");
  });
  it("compares a county with it: 乐至 asks the same −15% deaths as the nation", () => {
    const r = c.indicators.find((x) => x.key === "14th:safety.deaths")!;
    expect(r.comparison.ranking.map((x) => x.slug).sort()).toEqual(["jinjiang", "lezhi", "national"]);
    expect(r.comparison.note).toBe("same target");
  });
});

describe("project themes, plan shape and topics", () => {
  const c = compare([doc("yongjia"), doc("jinjiang")]);
  it("counts every project once, and sums the table investments", () => {
    const count = (slug: string) => c.projects.reduce((n, t) => n + t.counties[slug]!.count, 0);
    expect(count("yongjia")).toBe(doc("yongjia").projects.length);
    expect(count("jinjiang")).toBe(doc("jinjiang").projects.length);
    expect(c.projects.reduce((n, t) => n + (t.counties.jinjiang!.investment ?? 0), 0)).toBe(26680);
  });
  it("gives the shape by role", () => {
    const tasks = c.shape.find((r) => r.role === "tasks")!;
    expect(tasks.counties.yongjia).toEqual({ chapters: 4, sections: 16, tasks: 48 });
  });
  it("finds shared and one-sided topics, and a best match for every task", () => {
    expect(c.topics.shared.length).toBeGreaterThan(5);
    expect(c.topics.matches.filter((m) => m.from === "yongjia")).toHaveLength(c.overview[0]!.tasks);
    for (const w of c.topics.only.yongjia!) expect(c.topics.keywords.jinjiang!.map((k) => k.word)).not.toContain(w);
  });
});

describe("formats", () => {
  const c = compare([doc("yongjia"), doc("linan")]);
  const width = (line: string) => stringWidth(line);

  it.each([80, 120, 200])("table fits a %i-column terminal", (w) => {
    const text = renderTable(c, { width: w, chalk: new Chalk({ level: 0 }) });
    for (const line of text.split("\n")) expect(width(line)).toBeLessThanOrEqual(w);
    expect(text).toContain("亿元生产总值");
  });
  it("table colors only when asked", () => {
    expect(renderTable(c, { width: 120, chalk: new Chalk({ level: 0 }) })).not.toMatch(/\u001b\[/);
    expect(renderTable(c, { width: 120, chalk: new Chalk({ level: 1 }) })).toMatch(/\u001b\[/);
  });
  it("csv: a BOM, a column group per county, one row per aligned indicator", () => {
    const lines = renderCsv(c).split("\n").filter(Boolean);
    expect(lines[0]!.startsWith("\ufeffkey,indicator,period")).toBe(true);
    expect(lines[0]).toContain("yongjia_target");
    expect(lines[0]).toContain("linan_target");
    expect(lines).toHaveLength(c.indicators.length + 1);
  });
  it("markdown: tables, with plan text escaped", () => {
    const md = renderMarkdown(c);
    expect(md).toMatch(/^# 永嘉县 vs 临安区/);
    expect(md).toContain("| indicator | period |");
    const evil = structuredClone(c);
    evil.overview[0]!.title = "<script>alert(1)</script> | x";
    expect(renderMarkdown(evil)).toContain("&lt;script&gt;alert(1)&lt;/script&gt; \\| x");
  });
  it("json is deterministic", () => {
    expect(JSON.stringify(compare([doc("yongjia"), doc("linan")]))).toBe(JSON.stringify(c));
  });
});
