// emit: documents → the files of the dataset, as a map from file name to content. Deterministic: stable
// order everywhere, no timestamps, sorted keys where order is not given by the contract; the CLI writes
// the map atomically.
import { stringify } from "csv-stringify/sync";
import type { Indicator, PlanDocument, Value } from "../model.js";
import { SCHEMA_VERSION } from "../model.js";

export interface ManifestInput {
  path: string;
  sha256: string;
  bytes: number;
  encoding: string | null;
  /** the slug of the document it went to, or null when it was skipped */
  document: string | null;
  status: "ok" | "skipped";
  reason?: string;
}

const BOM = "\ufeff";

/**
 * Excel runs a cell that starts with = + - @ (or a tab/CR) as a formula: plan text is untrusted. A
 * lone sign (the "=" of an op column) carries no formula and stays as it is, as do plain numbers.
 */
export function neutralizeCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = typeof v === "string" ? v : String(v);
  if (s.length > 1 && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d+(\.\d+)?%?$/.test(s)) return `'${s}`;
  return s;
}

/** A CSV file as the dataset writes them: BOM, one header row, "\n" records, formula-neutralized cells. */
export function csv(header: string[], rows: unknown[][]): string {
  return BOM + stringify([header, ...rows.map((r) => r.map(neutralizeCell))], { record_delimiter: "\n" });
}

const valueColumns = (prefix: string) => ["raw", "op", "value", "unit", "change", "five_year_average"].map((c) => `${prefix}_${c}`);
const valueCells = (v: Value | null | undefined) => (v ? [v.raw, v.op, v.value, v.unit, v.change, v.fiveYearAverage] : ["", "", "", "", "", ""]);

export function documentsCsv(docs: PlanDocument[]): string {
  return csv(
    ["slug", "county", "title", "issuer", "doc_number", "issued_date", "period_start", "period_end", "primary_source", "sources", "chapters", "sections", "tasks", "indicators", "projects", "notes"],
    docs.map((d) => [d.slug, d.county, d.title, d.issuer, d.docNumber, d.issuedDate, d.period?.start, d.period?.end, d.sources[0]?.path, d.sources.map((s) => s.path).join(";"), d.chapters.length, countSections(d), tasksOf(d).length, d.indicators.length, d.projects.length, d.notes.length]),
  );
}

export function chaptersCsv(docs: PlanDocument[]): string {
  const rows: unknown[][] = [];
  for (const d of docs)
    for (const c of d.chapters) {
      rows.push([d.slug, c.no, "", c.role, c.title, c.items.length, c.sections.length, [...c.text].length]);
      for (const s of c.sections) rows.push([d.slug, c.no, s.no, c.role, s.title, s.items.length, "", [...s.text].length]);
    }
  return csv(["slug", "chapter", "section", "role", "title", "items", "sections", "text_chars"], rows);
}

export function tasksOf(d: PlanDocument) {
  return d.chapters
    .filter((c) => c.role === "tasks")
    .flatMap((c) => [...c.items.map((it) => ({ c, s: null, it })), ...c.sections.flatMap((s) => s.items.map((it) => ({ c, s, it })))]);
}

export function tasksCsv(docs: PlanDocument[]): string {
  const rows: unknown[][] = [];
  for (const d of docs)
    for (const { c, s, it } of tasksOf(d)) rows.push([d.slug, c.no, c.title, s?.no ?? "", s?.title ?? "", it.no, it.title, it.keywords.join(" "), it.text]);
  return csv(["slug", "chapter", "chapter_title", "section", "section_title", "no", "title", "keywords", "text"], rows);
}

export function indicatorsCsv(docs: PlanDocument[]): string {
  const rows: unknown[][] = [];
  for (const d of docs)
    for (const i of d.indicators as Indicator[])
      rows.push([d.slug, i.table, i.period, i.no, i.category, i.name, i.canonicalId, i.unit, ...valueCells(i.baseline), ...valueCells(i.target), ...valueCells(i.actual), i.nature, i.department]);
  return csv(["slug", "table", "period", "no", "category", "name", "canonical_id", "unit", ...valueColumns("baseline"), ...valueColumns("target"), ...valueColumns("actual"), "nature", "department"], rows);
}

export function projectsCsv(docs: PlanDocument[]): string {
  const rows: unknown[][] = [];
  for (const d of docs) for (const p of d.projects) rows.push([d.slug, p.chapter, p.section, p.group, p.no, p.name, p.source, p.investment, p.investmentUnit, p.years, p.lead, p.description]);
  return csv(["slug", "chapter", "section", "group", "no", "name", "source", "investment", "investment_unit", "years", "lead", "description"], rows);
}

function countSections(d: PlanDocument): number {
  return d.chapters.reduce((a, c) => a + c.sections.length, 0);
}

export function manifest(docs: PlanDocument[], inputs: ManifestInput[], toolVersion: string): string {
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return json({
    schemaVersion: SCHEMA_VERSION,
    tool: { name: "plans", version: toolVersion },
    documents: docs.map((d) => ({ slug: d.slug, county: d.county, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) })),
    inputs: sorted,
  });
}

const json = (v: unknown) => JSON.stringify(v, null, 2) + "\n";

/** The whole dataset as file name → content. Documents are ordered by slug. */
export function emit(docs: PlanDocument[], inputs: ManifestInput[], toolVersion: string): Map<string, string> {
  const ordered = [...docs].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const files = new Map<string, string>();
  for (const d of ordered) files.set(`${d.slug}.json`, json(d));
  files.set("documents.csv", documentsCsv(ordered));
  files.set("chapters.csv", chaptersCsv(ordered));
  files.set("tasks.csv", tasksCsv(ordered));
  files.set("indicators.csv", indicatorsCsv(ordered));
  files.set("projects.csv", projectsCsv(ordered));
  files.set("manifest.json", manifest(ordered, inputs, toolVersion));
  return files;
}
