// compare: documents of the dataset → a Comparison (see model.ts). Pure: the CLI reads the dataset
// and renders the result.
import { INDICATOR_CATALOG } from "../catalog/indicators.js";
import { tasksOf, type ChapterRole, type PlanDocument } from "../model.js";
import { codePointCount } from "../text/chars.js";
import { parseValue } from "../segment/values.js";
import { targetDistribution } from "./ambition.js";
import { alignIndicators } from "./indicators.js";
import { sideBySide, type ComparedIndicator, type Comparison, type CountyOverview, type ShapeRow } from "./model.js";
import { projectThemes } from "./projects.js";
import { compareTopics } from "./topics.js";

export const REFERENCES = ["national"] as const;
export type Reference = (typeof REFERENCES)[number];

const ROLES: ChapterRole[] = ["background", "requirements", "tasks", "projects", "safeguards", "other"];

export function overviewOf(d: PlanDocument): CountyOverview {
  const items = (its: Array<{ title: string; text: string }>) => its.reduce((n, it) => n + codePointCount(it.title) + codePointCount(it.text), 0);
  const chars = d.chapters.reduce((n, c) => n + codePointCount(c.title) + codePointCount(c.text) + items(c.items) + c.sections.reduce((m, s) => m + codePointCount(s.title) + codePointCount(s.text) + items(s.items), 0), 0);
  return {
    slug: d.slug,
    county: d.county,
    level: d.level,
    domain: d.domain,
    divisionCode: d.divisionCode,
    title: d.title,
    issuer: d.issuer,
    docNumber: d.docNumber,
    issuedDate: d.issuedDate,
    sources: d.sources.map((s) => s.path),
    chars,
    chapters: d.chapters.length,
    sections: d.chapters.reduce((n, c) => n + c.sections.length, 0),
    tasks: tasksOf(d).length,
    indicators: d.indicators.length,
    projects: d.projects.length,
  };
}

export function shapeOf(docs: PlanDocument[]): ShapeRow[] {
  return ROLES.map((role) => ({
    role,
    counties: Object.fromEntries(
      docs.map((d) => {
        const chapters = d.chapters.filter((c) => c.role === role);
        const tasks = role === "tasks" ? tasksOf(d).length : 0;
        return [d.slug, { chapters: chapters.length, sections: chapters.reduce((n, c) => n + c.sections.length, 0), tasks }];
      }),
    ),
  })).filter((r) => Object.values(r.counties).some((c) => c.chapters > 0));
}

/** The national plan's main targets as a column of indicators. */
export function nationalIndicators(): ComparedIndicator[] {
  return INDICATOR_CATALOG.filter((e) => e.national).map((e, i) => {
    const target = parseValue(e.national!.target);
    target.fiveYearAverage = e.national!.fiveYearAverage;
    return {
      table: "国家“十四五”应急体系规划主要指标",
      period: "14th" as const,
      no: i + 1,
      category: null,
      name: e.name,
      canonicalId: e.id,
      unit: null,
      baseline: null,
      target,
      nature: e.national!.nature,
      department: null,
      at: null,
    };
  });
}

export function compare(docs: PlanDocument[], options: { against?: Reference } = {}): Comparison {
  const columns: Array<{ slug: string; indicators: ComparedIndicator[] }> = docs.map((d) => ({ slug: d.slug, indicators: d.indicators }));
  if (options.against === "national") columns.push({ slug: "national", indicators: nationalIndicators() });
  const many = !sideBySide(docs.length);
  const indicators = alignIndicators(columns, { sparse: many, references: new Set(options.against ? [options.against] : []) });
  if (many) {
    // many counties are drawn as how many chose each target, not as a mark per county
    const isCounty = new Set(docs.map((d) => d.slug));
    for (const row of indicators) {
      if (!row.comparison.scale) continue;
      const raws = new Map(Object.entries(row.values).map(([slug, v]) => [slug, v?.target?.raw ?? ""]));
      row.comparison.scale.distribution = targetDistribution(row.comparison, raws, (s) => isCounty.has(s));
    }
  }
  return {
    counties: docs.map((d) => d.slug),
    against: options.against ?? null,
    overview: docs.map(overviewOf),
    indicators,
    projects: projectThemes(docs),
    shape: shapeOf(docs),
    topics: compareTopics(docs),
  };
}
