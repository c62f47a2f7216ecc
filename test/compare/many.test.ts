// compare on many counties (plans compare --all on a large dataset): a synthetic 300-county dataset
// cloned from the seeds' documents as the bench does (renamed, targets changed, tasks and projects
// dropped, unknown indicator names added). Checks that the result is complete and aligned, and that
// nothing in it grows with the square of the counties. Speed itself is measured by
// test/bench/compare-all.mjs, not asserted here.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { nameSimilarity } from "../../src/catalog/match.js";
import { openDataset } from "../../src/commands/dataset.js";
import { processIo } from "../../src/commands/io.js";
import { compare } from "../../src/compare/index.js";
import { alignIndicators, SIMILAR, similarPairs, type Entry } from "../../src/compare/indicators.js";
import { SIDE_BY_SIDE_MAX } from "../../src/compare/model.js";
import { renderCsv } from "../../src/compare/render/csv.js";
import { renderHtml } from "../../src/compare/render/html.js";
import { renderMarkdown } from "../../src/compare/render/markdown.js";
import { renderTable } from "../../src/compare/render/table.js";
import type { Indicator, PlanDocument } from "../../src/model.js";
import { parseValue } from "../../src/segment/values.js";
// @ts-expect-error: a plain .mjs script without types
import { cloneDocument } from "../bench/compare-all.mjs";
import { dataset } from "../datasets.js";
import { runCli, tmp } from "../helpers.js";

const N = 300;
const seeds = dataset("seeds").documents;

/** The dataset on disk, in ingest's layout (documents and manifest), and read back as compare reads it. */
const dir = tmp("plans-many-");
const docs: PlanDocument[] = (() => {
  const made = Array.from({ length: N }, (_, i) => cloneDocument(seeds[i % seeds.length], i) as PlanDocument).sort((a, b) => (a.slug < b.slug ? -1 : 1));
  for (const d of made) writeFileSync(join(dir, `${d.slug}.json`), JSON.stringify(d, null, 2) + "\n");
  const documents = made.map((d) => ({ slug: d.slug, county: d.county, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) }));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify({ schemaVersion: 1, tool: { name: "plans", version: "test" }, documents, inputs: [] }, null, 2) + "\n");
  return made;
})();
const loaded = async () => (await openDataset(processIo(), dir, () => {})).map((e) => JSON.parse(readFileSync(join(dir, e.file), "utf8")) as PlanDocument);

describe(`compare on ${N} counties`, async () => {
  const fromDisk = await loaded();
  const c = compare(fromDisk);
  const present = (values: Record<string, unknown>) => Object.values(values).filter((v) => v !== null).length;

  it("reads the dataset as written, in the manifest's order", () => {
    expect(fromDisk.map((d) => d.slug)).toEqual(docs.map((d) => d.slug));
    expect(new Set(c.counties).size).toBe(N);
  });
  it("places every indicator of every county exactly once, rows listing only the counties that have it", () => {
    expect(c.indicators.reduce((n, r) => n + present(r.values), 0)).toBe(docs.reduce((n, d) => n + d.indicators.length, 0));
    for (const r of c.indicators) expect(Object.values(r.values)).not.toContain(null);
  });
  it("aligns a catalog measure across the counties that print it", () => {
    const deaths = c.indicators.find((r) => r.key === "14th:safety.deaths")!;
    const having = docs.filter((d) => d.indicators.some((i) => i.period === "14th" && i.canonicalId === "safety.deaths")).length;
    expect(present(deaths.values)).toBe(having);
    expect(deaths.alignment).toBe("catalog");
    expect(deaths.comparison.ranking.length).toBeGreaterThan(N / 2);
    // values in the counties' order
    const order = Object.keys(deaths.values).map((s) => c.counties.indexOf(s));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  it("pairs names the catalog does not know across counties by similarity", () => {
    const shelters = c.indicators.filter((r) => r.label.startsWith("应急避难场所建设数量"));
    expect(shelters.length).toBeGreaterThan(0);
    expect(shelters[0]!.alignment).toBe("similar");
    expect(present(shelters[0]!.values)).toBeGreaterThan(10);
  });
  it("gives topic coverage instead of task pairs: nothing grows with the square of the counties", () => {
    expect(c.topics.matches).toEqual([]);
    const coverage = c.topics.coverage!;
    expect(coverage.length).toBeGreaterThan(20);
    expect(coverage[0]!.counties).toBeGreaterThanOrEqual(coverage.at(-1)!.counties);
    const words = new Set(docs.flatMap((d) => Object.keys(Object.fromEntries((c.topics.keywords[d.slug] ?? []).map((k) => [k.word, 1])))));
    for (const w of words) expect(coverage.some((x) => x.word === w)).toBe(true);
    // each county costs the JSON a bounded number of bytes, whatever the number of counties: 2,000
    // counties' pairs would be millions of entries
    const perCounty = JSON.stringify(c).length / N;
    expect(perCounty).toBeLessThan(30_000);
    expect(JSON.stringify(c.topics).length / N).toBeLessThan(2_000);
  });
  it("is deterministic", () => {
    expect(JSON.stringify(compare(docs))).toBe(JSON.stringify(c));
  });

  it.each([80, 120, 200])("table: one row per county, fits a %i-column terminal", (w) => {
    const text = renderTable(c, { width: w, chalk: new Chalk({ level: 0 }) });
    for (const line of text.split("\n")) expect(stringWidth(line)).toBeLessThanOrEqual(w);
    expect(text).toContain(`Counties: ${N}`);
    for (const d of docs.slice(0, 20)) expect(text).toMatch(new RegExp(`│ ${d.county} +│ ${d.slug} +│`));
    expect(text).not.toContain("Closest tasks");
    // one line per county: the table is about as long as the counties, not a multiple of them
    expect(text.split("\n").length).toBeLessThan(N + c.indicators.length * 6 + 200);
  });
  it("markdown and html: a row per county and aggregates, plan text escaped", () => {
    const md = renderMarkdown(c);
    expect(md).toMatch(new RegExp(`^# ${N} 个县`));
    expect(md.split("\n").filter((l) => /^\| \S+县|^\| \S+区|^\| \S+市/.test(l)).length).toBeGreaterThanOrEqual(N);
    const evil = structuredClone(c);
    evil.overview[0]!.county = "<script>alert(1)</script>";
    expect(renderMarkdown(evil)).toContain("&lt;script&gt;");
    const html = renderHtml(evil, { version: "test", manifest: "0".repeat(64), command: "plans compare --all -f html" });
    expect(html).not.toContain("<script>");
    expect(html).not.toMatch(/https?:|<link|<img|\ssrc=|\shref="(?!#)/i);
    expect((html.match(/<tr>/g) ?? []).length).toBeGreaterThanOrEqual(N + c.indicators.length);
  });
  it("csv: long, one row per indicator and county that has it", () => {
    const lines = renderCsv(c).split("\n").filter(Boolean);
    expect(lines[0]!.startsWith("\ufeffkey,indicator,period,canonical_id,alignment,similarity,better,county,name,")).toBe(true);
    expect(lines).toHaveLength(1 + c.indicators.reduce((n, r) => n + present(r.values), 0));
  });
  it("the CLI's --all gives the same, byte for byte on every run", async () => {
    const run = () => runCli(["compare", "--all", "--data", dir, "-f", "csv"]);
    const [a, b] = await Promise.all([run(), run()]);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(renderCsv(c).replace(/^\ufeff/, "")); // no BOM on stdout
    expect(b.stdout).toBe(a.stdout);
  });
});

describe("side by side up to SIDE_BY_SIDE_MAX counties, aggregated beyond", () => {
  it(`${SIDE_BY_SIDE_MAX} counties still get every pair's task matches, dense rows and a column per county`, () => {
    const c = compare(docs.slice(0, SIDE_BY_SIDE_MAX));
    expect(c.topics.coverage).toBeUndefined();
    expect(new Set(c.topics.matches.map((m) => `${m.from} ${m.to}`)).size).toBe(SIDE_BY_SIDE_MAX * (SIDE_BY_SIDE_MAX - 1));
    for (const r of c.indicators) expect(Object.keys(r.values)).toHaveLength(SIDE_BY_SIDE_MAX);
    expect(renderCsv(c).split("\n")[0]).toContain(`${docs[0]!.slug}_target`);
  });
  it(`${SIDE_BY_SIDE_MAX + 1} counties get coverage`, () => {
    const c = compare(docs.slice(0, SIDE_BY_SIDE_MAX + 1));
    expect(c.topics.matches).toEqual([]);
    expect(c.topics.coverage!.length).toBeGreaterThan(0);
  });
});

describe("unknown names: the prefix index finds what comparing every pair finds", () => {
  // names that share most, some or none of their character pairs, repeated across counties
  const NAMES = ["应急避难场所建设数量", "应急避难场所建设数", "应急避难场所数量", "应急物资储备库建设数量", "应急物资储备库数", "避难场所", "乡镇应急消防站覆盖率", "乡镇消防站覆盖率", "消防站覆盖率（%）", "AB", "A", "灾害信息员配备率", "灾害信息员配备", "信息员配备率", "阿阿阿阿阿阿", "阿阿阿阿阿"];
  const mk = (name: string, period: "13th" | "14th" = "14th"): Indicator => ({ table: null, period, no: 1, category: null, name, canonicalId: null, unit: null, baseline: null, target: parseValue("5个"), nature: null, department: null, at: { source: "t.txt", lines: [1], pages: [] } });
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const unknown: Entry[] = Array.from({ length: 160 }, (_, i) => ({ slug: `c${i % 23}`, indicator: mk(NAMES[Math.floor(rand() * NAMES.length)]!, rand() < 0.2 ? "13th" : "14th") }));

  it("the same pairs with the same scores", () => {
    const brute: Array<{ a: number; b: number; score: number }> = [];
    for (let a = 0; a < unknown.length; a++)
      for (let b = a + 1; b < unknown.length; b++) {
        const x = unknown[a]!;
        const y = unknown[b]!;
        if (x.slug === y.slug || x.indicator.period !== y.indicator.period) continue;
        const score = nameSimilarity(x.indicator.name, y.indicator.name);
        if (score >= SIMILAR) brute.push({ a, b, score });
      }
    const key = (p: { a: number; b: number; score: number }) => `${p.a} ${p.b} ${p.score}`;
    expect(brute.length).toBeGreaterThan(100);
    expect(similarPairs(unknown).map(key).sort()).toEqual(brute.map(key).sort());
  });
  it("rows stay one name per county", () => {
    const columns = Array.from({ length: 23 }, (_, k) => ({ slug: `c${k}`, indicators: unknown.filter((e) => e.slug === `c${k}`).map((e) => e.indicator) }));
    const rows = alignIndicators(columns);
    expect(rows.reduce((n, r) => n + Object.values(r.values).filter(Boolean).length, 0)).toBe(unknown.length);
    for (const r of rows) if (r.alignment === "similar") expect(r.similarity!).toBeGreaterThanOrEqual(SIMILAR);
  });
});
