// reconcile: several sources of one plan become one document. Sources are grouped by county and title;
// the most complete one is primary, the others are alternates, and what an alternate lacks is noted.
import { SCHEMA_VERSION, type MetaAt, type Note, type PlanDocument, type Source } from "../model.js";
import { DEFAULT_DOMAIN } from "../catalog/domains.js";
import { note as noteOf, type NoteKind } from "../notes.js";
import type { Segmented } from "../segment/index.js";
import type { ManifestInput } from "./emit.js";
import { sha256, type SourceSummary } from "./source.js";

export interface SourceResult {
  source: Omit<Source, "role">;
  segmented: Segmented;
  /** notes of the decode and clean stages for this source */
  notes: Note[];
}

export const normTitle = (t: string | null) => (t ?? "").normalize("NFKC").replace(/[\s\p{P}]/gu, "");

export function completeness(s: Segmented): number {
  const sections = s.chapters.reduce((a, c) => a + c.sections.length, 0);
  const items = s.chapters.reduce((a, c) => a + c.items.length + c.sections.reduce((b, x) => b + x.items.length, 0), 0);
  return s.chapters.length * 5 + sections * 3 + items + s.indicators.length * 2 + s.projects.length * 2;
}

/** Groups by county slug, then splits a county's sources whose titles clearly differ (two different
 *  plans of one county). A source without a title joins its county's titled group. Works on anything
 *  that can tell its slug and normalized title, so documents can be planned before sources are loaded. */
export function groupSources<T>(items: T[], keyOf: (t: T) => { slug: string; title: string }): T[][] {
  const byCounty = new Map<string, T[]>();
  for (const r of items) {
    const key = keyOf(r).slug;
    byCounty.set(key, [...(byCounty.get(key) ?? []), r]);
  }
  const groups: T[][] = [];
  for (const list of byCounty.values()) {
    const titled = new Map<string, T[]>();
    for (const r of list) {
      const t = keyOf(r).title;
      const match = [...titled.keys()].find((k) => !t || !k || k === t || k.includes(t) || t.includes(k));
      titled.set(match ?? t, [...(titled.get(match ?? t) ?? []), r]);
    }
    groups.push(...titled.values());
  }
  return groups;
}

/** A document to build: its slug in the dataset and its sources' paths, primary first. The slug and
 *  the primary source are decided here, once. */
export interface PlannedDocument {
  slug: string;
  paths: string[];
}

/** Which sources make which document, and under what slug, from the sources' summaries alone.
 *  Slugs name a plan's place and domain; two different plans of one place and domain (titles that
 *  differ) are told apart by their titles: the first by title keeps the slug, the others add a
 *  short hash of their title — never a number that depends on what else the dataset holds.
 *  The result is in slug order, the order the dataset is written in. */
export function planDocuments(summaries: SourceSummary[]): PlannedDocument[] {
  const byPath = [...summaries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const groups = groupSources(byPath, (s) => s).map((g) => [...g].sort((a, b) => b.completeness - a.completeness || (a.path < b.path ? -1 : 1)));
  const titleOf = (g: SourceSummary[]) => g.find((s) => s.title)?.title ?? "";
  groups.sort((a, b) => (titleOf(a) < titleOf(b) ? -1 : titleOf(a) > titleOf(b) ? 1 : a[0]!.path < b[0]!.path ? -1 : 1));
  const taken = new Set<string>();
  const planned = groups.map((g) => {
    const base = g[0]!.slug;
    const slug = taken.has(base) ? `${base}-${sha256(titleOf(g) || g[0]!.path).slice(0, 6)}` : base;
    taken.add(slug);
    return { slug, paths: g.map((s) => s.path) };
  });
  return planned.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** One document from its sources, as planDocuments planned it: its slug, and its sources in its
 *  order, the primary first. */
export function reconcile(ranked: SourceResult[], slug: string): PlanDocument {
  const primary = ranked[0]!;
  const p = primary.segmented;
  const notes: Note[] = [];
  for (const r of ranked) notes.push(...r.notes, ...r.segmented.notes);
  for (const alt of ranked.slice(1)) notes.push(...lacks(primary, alt));
  const fill = <K extends keyof Segmented["meta"]>(k: K): Segmented["meta"][K] => ranked.map((r) => r.segmented.meta[k]).find((v) => v !== null) ?? null as Segmented["meta"][K];
  // a field is where the source it was taken from says it
  const filledAt = (k: keyof MetaAt) => ranked.find((r) => r.segmented.meta[k] !== null)?.segmented.meta.at[k] ?? null;
  const county = fill("county") ?? "";
  return {
    schemaVersion: SCHEMA_VERSION,
    slug,
    county,
    level: fill("level") ?? "county",
    divisionCode: fill("divisionCode"),
    province: fill("province"),
    prefecture: fill("prefecture"),
    domain: fill("domain") ?? DEFAULT_DOMAIN,
    title: fill("title"),
    issuer: fill("issuer"),
    docNumber: fill("docNumber"),
    issuedDate: fill("issuedDate"),
    period: fill("period"),
    metaAt: { title: filledAt("title"), issuer: filledAt("issuer"), docNumber: filledAt("docNumber"), issuedDate: filledAt("issuedDate"), county: filledAt("county"), period: filledAt("period") },
    sources: ranked.map((r, i) => ({ ...r.source, role: i === 0 ? "primary" : "alternate" })),
    chapters: p.chapters,
    indicators: p.indicators,
    projects: p.projects,
    notes,
  };
}

/** What an alternate source lacks compared with the primary: headings, tables, boxes. */
function lacks(primary: SourceResult, alt: SourceResult): Note[] {
  const notes: Note[] = [];
  const src = alt.source.path;
  const headings = (s: Segmented) => new Set(s.chapters.flatMap((c) => [`${c.title}`, ...c.sections.map((x) => x.title)]).map(normTitle));
  const altHeadings = headings(alt.segmented);
  const missing = [...headings(primary.segmented)].filter((h) => !altHeadings.has(h));
  const note = (kind: NoteKind, message: string) => notes.push(noteOf(kind, src, null, message));
  note("alternate", `${src} is an alternate source of this plan; ${primary.source.path} is primary`);
  if (missing.length) note("alternate-lacks-headings", `lacks ${missing.length} of the primary's chapter/section headings: ${missing.slice(0, 12).join("、")}${missing.length > 12 ? "…" : ""}`);
  const count = (s: Segmented) => ({ indicators: s.indicators.length, projects: s.projects.length });
  const a = count(alt.segmented);
  const pr = count(primary.segmented);
  if (a.indicators < pr.indicators) note("alternate-lacks-tables", `has ${a.indicators} indicator rows where the primary has ${pr.indicators}`);
  if (a.projects < pr.projects) note("alternate-lacks-projects", `has ${a.projects} projects (专栏 entries, headings, table rows) where the primary has ${pr.projects}`);
  return notes;
}

/** Every source's manifest entry points at the slug its document was finally written under. */
export function assignDocuments(inputs: ManifestInput[], planned: PlannedDocument[]): void {
  const slugOf = new Map(planned.flatMap((p) => p.paths.map((path) => [path, p.slug] as const)));
  for (const i of inputs) if (i.status === "ok") i.document = slugOf.get(i.path) ?? null;
}
