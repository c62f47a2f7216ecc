// emit: documents → the files of the dataset, as a map from file name to content. Deterministic: stable
// order everywhere, no timestamps, sorted keys where order is not given by the contract; the CLI writes
// the map atomically.
import { BOM, csvRecords } from "../csv.js";
import { codePointCount } from "../text/chars.js";
import { citation, numberList, SCHEMA_VERSION, tasksOf, type At, type Format, type Indicator, type MetaAt, type PlanDocument, type Value } from "../model.js";

export interface ManifestInput {
  /** unique: relative to the common folder of the paths the user named */
  path: string;
  sha256: string;
  bytes: number;
  /** null when the bytes are in no format the read stage knows */
  format: Format | null;
  encoding: string | null;
  /** the slug of the document it went to (a duplicate's: its original's), or null when it was skipped */
  document: string | null;
  status: "ok" | "skipped" | "duplicate";
  reason?: string;
  /** a duplicate's original: the first input (by path) with the same bytes, which alone was parsed */
  duplicateOf?: string;
}

const valueColumns = (prefix: string) => ["raw", "op", "value", "unit", "change", "five_year_average"].map((c) => `${prefix}_${c}`);
const valueCells = (v: Value | null | undefined) => (v ? [v.raw, v.op, v.value, v.unit, v.change, v.fiveYearAverage] : ["", "", "", "", "", ""]);

/** Where a row's fact was read: its source file, its lines and its pages, several as "655-656;660". */
const AT_COLUMNS = ["source_file", "line", "page"];
const atCells = (at: At) => [at.source, numberList(at.lines), numberList(at.pages)];
/** documents.csv: where each metadata field was read, as "file:lines" with " p.N" where pages are known. */
const META_AT: Array<[keyof MetaAt, string]> = [
  ["title", "title_at"],
  ["issuer", "issuer_at"],
  ["docNumber", "doc_number_at"],
  ["issuedDate", "issued_date_at"],
  ["county", "county_at"],
  ["period", "period_at"],
];

/** The dataset's CSV files: a header and the rows one document contributes. */
interface CsvFile {
  header: string[];
  rows(d: PlanDocument): unknown[][];
}

const CSV_FILES: Record<string, CsvFile> = {
  "documents.csv": {
    header: ["slug", "county", "level", "division_code", "province", "prefecture", "domain", "title", "issuer", "doc_number", "issued_date", "period_start", "period_end", "primary_source", "sources", "chapters", "sections", "tasks", "indicators", "projects", "notes", ...META_AT.map(([, c]) => c)],
    rows: (d) => [[d.slug, d.county, d.level, d.divisionCode, d.province, d.prefecture, d.domain, d.title, d.issuer, d.docNumber, d.issuedDate, d.period?.start, d.period?.end, d.sources[0]?.path, d.sources.map((s) => s.path).join(";"), d.chapters.length, countSections(d), tasksOf(d).length, d.indicators.length, d.projects.length, d.notes.length, ...META_AT.map(([k]) => (d.metaAt[k] ? citation(d.metaAt[k]) : ""))]],
  },
  "chapters.csv": {
    header: ["slug", "chapter", "section", "role", "title", "items", "sections", "text_chars", ...AT_COLUMNS],
    rows: (d) =>
      d.chapters.flatMap((c) => [
        [d.slug, c.no, "", c.role, c.title, c.items.length, c.sections.length, codePointCount(c.text), ...atCells(c.at)],
        ...c.sections.map((s) => [d.slug, c.no, s.no, c.role, s.title, s.items.length, "", codePointCount(s.text), ...atCells(s.at)]),
      ]),
  },
  "tasks.csv": {
    header: ["slug", "chapter", "chapter_title", "section", "section_title", "no", "title", "keywords", "text", ...AT_COLUMNS],
    rows: (d) => tasksOf(d).map(({ c, s, it }) => [d.slug, c.no, c.title, s?.no ?? "", s?.title ?? "", it.no, it.title, it.keywords.join(" "), it.text, ...atCells(it.at)]),
  },
  "indicators.csv": {
    header: ["slug", "table", "period", "no", "category", "name", "canonical_id", "unit", ...valueColumns("baseline"), ...valueColumns("target"), ...valueColumns("actual"), "nature", "department", ...AT_COLUMNS],
    rows: (d) => (d.indicators as Indicator[]).map((i) => [d.slug, i.table, i.period, i.no, i.category, i.name, i.canonicalId, i.unit, ...valueCells(i.baseline), ...valueCells(i.target), ...valueCells(i.actual), i.nature, i.department, ...atCells(i.at)]),
  },
  "projects.csv": {
    header: ["slug", "chapter", "section", "group", "no", "name", "source", "investment", "investment_unit", "years", "lead", "description", ...AT_COLUMNS],
    rows: (d) => d.projects.map((p) => [d.slug, p.chapter, p.section, p.group, p.no, p.name, p.source, p.investment, p.investmentUnit, p.years, p.lead, p.description, ...atCells(p.at)]),
  },
};

/** The dataset's table files, by name. */
export const TABLE_FILES: readonly string[] = Object.keys(CSV_FILES);

function countSections(d: PlanDocument): number {
  return d.chapters.reduce((a, c) => a + c.sections.length, 0);
}

interface ManifestDocument {
  slug: string;
  county: string;
  divisionCode: string | null;
  province: string | null;
  level: string;
  domain: string;
  title: string | null;
  file: string;
  sources: string[];
}

function manifest(docs: ManifestDocument[], inputs: ManifestInput[], toolVersion: string): string {
  const sorted = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return json({ schemaVersion: SCHEMA_VERSION, tool: { name: "plans", version: toolVersion }, documents: docs, inputs: sorted });
}

/** A list of numbers as JSON.stringify indents it: one number a line. */
const NUMBER_LIST = /\[\n\s+(-?[\d.]+(?:,\n\s+-?[\d.]+)*)\n\s*\]/g;
/** JSON with two-space indents, a list of numbers (a fact's lines and pages) kept on one line. */
const json = (v: unknown) => JSON.stringify(v, null, 2).replace(NUMBER_LIST, (_, list: string) => `[${list.split(/,\n\s+/).join(", ")}]`) + "\n";

/** Where the dataset's files go: a whole file, or a chunk appended to one. */
export interface DatasetSink {
  put(name: string, content: string): void;
  append(name: string, chunk: string): void;
}

/**
 * Writes the dataset one document at a time, so that a corpus of any size needs the memory of one
 * document: its JSON file, and its rows appended to each CSV. Documents must come in slug order;
 * only the manifest's short entries are kept until finish().
 */
export class DatasetEmitter {
  private readonly documents: ManifestDocument[] = [];

  constructor(private readonly sink: DatasetSink) {
    for (const [name, f] of Object.entries(CSV_FILES)) sink.put(name, BOM + csvRecords([f.header]));
  }

  add(d: PlanDocument): void {
    const last = this.documents.at(-1);
    if (last && !(last.slug < d.slug)) throw new Error(`emit: documents out of order (${d.slug} after ${last.slug})`);
    this.sink.put(`${d.slug}.json`, json(d));
    for (const [name, f] of Object.entries(CSV_FILES)) {
      const chunk = csvRecords(f.rows(d));
      if (chunk) this.sink.append(name, chunk);
    }
    this.documents.push({ slug: d.slug, county: d.county, divisionCode: d.divisionCode, province: d.province, level: d.level, domain: d.domain, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) });
  }

  finish(inputs: ManifestInput[], toolVersion: string): void {
    this.sink.put("manifest.json", manifest(this.documents, inputs, toolVersion));
  }
}

/** A sink that keeps the files in memory, as file name → content. */
export function memorySink(files = new Map<string, string>()): DatasetSink & { files: Map<string, string> } {
  return {
    files,
    put: (name, content) => void files.set(name, content),
    append: (name, chunk) => void files.set(name, (files.get(name) ?? "") + chunk),
  };
}

/** The whole dataset as file name → content. Documents are ordered by slug. */
export function emit(docs: PlanDocument[], inputs: ManifestInput[], toolVersion: string): Map<string, string> {
  const sink = memorySink();
  const emitter = new DatasetEmitter(sink);
  for (const d of [...docs].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) emitter.add(d);
  emitter.finish(inputs, toolVersion);
  return sink.files;
}
