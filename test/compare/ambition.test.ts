// One scale of ambition per indicator row: further right (a larger position) is always the more
// ambitious target, whichever direction the catalog says is stricter, and the national target sits
// on the same scale.
import { describe, expect, it } from "vitest";
import { INDICATOR_CATALOG } from "../../src/catalog/indicators.js";
import { positionOn, targetDistribution } from "../../src/compare/ambition.js";
import { compare } from "../../src/compare/index.js";
import { alignIndicators } from "../../src/compare/indicators.js";
import type { AlignedIndicator } from "../../src/compare/model.js";
import type { Indicator, PlanDocument } from "../../src/model.js";
import { parseValue } from "../../src/segment/values.js";
import { dataset } from "../datasets.js";

const doc = (slug: string): PlanDocument => dataset("seeds").documents.find((d) => d.slug === slug)!;
const position = (r: AlignedIndicator, slug: string) => r.comparison.ranking.find((x) => x.slug === slug)!.position;

describe("yongjia vs linan against the national targets, on one scale per measure", () => {
  const c = compare([doc("yongjia"), doc("linan")], { against: "national" });
  const row = (id: string) => c.indicators.find((r) => r.key === `14th:${id}`)!;

  it("a lower death rate is further right (<0.005 right of ＜0.01), on an axis from the largest figure to zero", () => {
    const r = row("safety.death-rate-gdp");
    expect(r.comparison.scale).toMatchObject({ basis: "level", change: null, domain: [0.01, 0] });
    expect(position(r, "linan")).toBeGreaterThan(position(r, "yongjia"));
    expect(position(r, "linan")).toBe(0.5);
    // the nation's 下降33% is a change, not a level: it stays in its column, off this scale
    expect(r.values.national!.target!.raw).toBe("下降33%");
    expect(r.comparison.ranking.map((x) => x.slug)).toEqual(["linan", "yongjia"]);
    expect(r.comparison.note).toBe("national off the scale (not comparable: a relative change against an absolute level)");
  });
  it("a higher coverage is further right (100% right of 95%), on an axis from zero", () => {
    const r = row("forest.fire-monitoring-coverage");
    expect(r.comparison.scale!.domain).toEqual([0, 100]);
    expect(position(r, "yongjia")).toBe(1);
    expect(position(r, "linan")).toBe(0.95);
  });
  it("a larger decrease is further right, and the nation's −15% sits left of both counties", () => {
    const r = row("safety.deaths");
    expect(r.comparison.scale).toMatchObject({ basis: "change", change: "decrease", domain: [0, 50] });
    expect(position(r, "linan")).toBeGreaterThan(position(r, "yongjia"));
    expect(position(r, "yongjia")).toBeGreaterThan(position(r, "national"));
    expect(position(r, "national")).toBeCloseTo(15 / 50, 4);
  });
  it("on every comparable row the ranking (most ambitious first) runs from right to left, and equal targets share a place", () => {
    const comparable = c.indicators.filter((r) => r.comparison.scale);
    expect(comparable.length).toBeGreaterThan(8);
    for (const r of comparable) {
      const ps = r.comparison.ranking.map((x) => x.position);
      for (let i = 1; i < ps.length; i++) expect(ps[i]!).toBeLessThanOrEqual(ps[i - 1]!);
      for (const x of r.comparison.ranking) expect(x.position).toBe(positionOn(r.comparison.scale!, x.value));
      for (const s of r.comparison.mostAmbitious) expect(position(r, s)).toBe(ps[0]);
    }
  });
  it("rows whose targets cannot be compared have no scale", () => {
    const none = c.indicators.filter((x) => x.comparison.basis === null);
    expect(none.length).toBeGreaterThan(0);
    for (const r of none) {
      expect(r.comparison.scale).toBeNull();
      expect(r.comparison.ranking).toEqual([]);
    }
  });
});

describe("the catalog's direction decides the scale, for every measure", () => {
  const mk = (name: string, target: string): Indicator => ({ table: null, period: "14th", no: 1, category: null, name, canonicalId: null, unit: null, baseline: null, target: parseValue(target), nature: null, department: null, at: { source: "t.txt", lines: [1], pages: [] } });
  it.each(INDICATOR_CATALOG.map((e) => [e.id, e] as const))("%s", (_, entry) => {
    // a level: the stricter figure lies in the catalog's direction
    const [level] = alignIndicators([
      { slug: "a", indicators: [mk(entry.name, "2")] },
      { slug: "b", indicators: [mk(entry.name, "4")] },
    ]);
    const stricter = entry.better === "lower" ? "a" : "b";
    const looser = stricter === "a" ? "b" : "a";
    expect(level!.comparison.mostAmbitious).toEqual([stricter]);
    expect(position(level!, stricter)).toBeGreaterThan(position(level!, looser));
    // a change: moving further in the catalog's direction is stricter
    const word = entry.better === "lower" ? "下降" : "提高";
    const [change] = alignIndicators([
      { slug: "a", indicators: [mk(entry.name, `${word}10%`)] },
      { slug: "b", indicators: [mk(entry.name, `${word}30%`)] },
    ]);
    expect(change!.comparison.mostAmbitious).toEqual(["b"]);
    expect(position(change!, "b")).toBeGreaterThan(position(change!, "a"));
  });
  it("a change against the measure's direction is less ambitious the larger it is", () => {
    const [r] = alignIndicators([
      { slug: "a", indicators: [mk("森林火灾监测覆盖率", "下降5%")] },
      { slug: "b", indicators: [mk("森林火灾监测覆盖率", "下降1%")] },
    ]);
    expect(r!.comparison.scale!.domain).toEqual([5, 0]);
    expect(position(r!, "b")).toBeGreaterThan(position(r!, "a"));
  });
  it("targets that are all zero sit at the strict end", () => {
    const [r] = alignIndicators([
      { slug: "a", indicators: [mk("重特大生产安全事故起数", "0")] },
      { slug: "b", indicators: [mk("重特大生产安全事故起数", "0")] },
    ]);
    expect(r!.comparison.scale!.domain).toEqual([1, 0]);
    expect(r!.comparison.ranking.map((x) => x.position)).toEqual([1, 1]);
  });
});

describe("distributions beyond the side-by-side limit", () => {
  it("count the counties per figure, left to right, leaving out the reference", () => {
    const mk = (target: string): Indicator => ({ table: null, period: "14th", no: 1, category: null, name: "火灾十万人口死亡率", canonicalId: null, unit: null, baseline: null, target: parseValue(target), nature: null, department: null, at: { source: "t.txt", lines: [1], pages: [] } });
    const targets = ["<0.1", "0.1", "<0.05", "<0.1", "0.2", "<0.05", "<0.1"];
    const columns = targets.map((t, i) => ({ slug: `c${i}`, indicators: [mk(t)] }));
    columns.push({ slug: "ref", indicators: [mk("<0.2")] });
    const [r] = alignIndicators(columns, { sparse: true });
    const raws = new Map(Object.entries(r!.values).map(([s, v]) => [s, v!.target!.raw]));
    const dist = targetDistribution(r!.comparison, raws, (s) => s !== "ref");
    expect(dist.map((d) => [d.value, d.counties, d.raw])).toEqual([
      [0.2, 1, "0.2"],
      [0.1, 4, "<0.1"],
      [0.05, 2, "<0.05"],
    ]);
    expect(dist.map((d) => d.position)).toEqual([0, 0.5, 0.75]);
  });
  it("are in the comparison's JSON for many counties, not for a few", () => {
    const few = compare([doc("yongjia"), doc("linan")]);
    expect(few.indicators.some((r) => r.comparison.scale?.distribution)).toBe(false);
  });
});
