// The types of shared/DESIGN.md's output contract, plus the values stages hand each other.
import type { NoteKind, Severity, Stage } from "./notes.js";

export const SCHEMA_VERSION = 3 as const;

/** What a stage repaired, dropped or doubted, with the (1-based, original-file) line it concerns.
 *  Made by note() from the table of kinds in notes.ts. */
export interface Note {
  stage: Stage;
  /** the step of the stage that wrote it ("mojibake", "boilerplate", "outline", …) */
  step: string;
  kind: NoteKind;
  severity: Severity;
  source: string;
  line: number | null;
  message: string;
}

/** A line of text on its way through the pipeline, still carrying the input line it came from. */
export interface Line {
  text: string;
  /** 1-based line number in the decoded input file */
  line: number;
  /** the last input line this line stands for, when clean joined several (PDF unwrapping) */
  end?: number;
}

/**
 * Where a fact was read: the source file and the lines of it that the fact stands on. Lines are
 * 1-based lines of the source's decoded text — for PDF, DOCX and DOC the text the reader produced
 * (`plans inspect FILE --at LINE` shows them) — and are stable for the same bytes. A fact assembled
 * from several lines (a heading or paragraph wrapped over lines, a table row whose cells were
 * printed on different lines, a 专栏 entry continued over a page break) lists each of them.
 */
export interface At {
  /** the source's path, as in `sources` and the manifest */
  source: string;
  /** the non-blank lines of the source's decoded text the fact was read from, ascending */
  lines: number[];
  /** the pages those lines are on, ascending, each once: a PDF's pages as a viewer counts them, a
   *  DOCX's as Word last laid it out, a PDF text copy's as its page numbers (— 12 —) print them;
   *  empty when the source does not tell */
  pages: number[];
}

/** A fact's lines (or pages) as written in a CSV cell and a citation: runs of consecutive numbers as
 *  "first-last", the runs joined by ";" ("57", "655-656;660"); "" for none. */
export function numberList(ns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j]! + 1) j++;
    out.push(j > i ? `${ns[i]}-${ns[j]}` : `${ns[i]}`);
    i = j + 1;
  }
  return out.join(";");
}

/** A fact's place as one short text: "003_cf0accc487ded217.txt:655", "yongjia.pdf:212 p.7". */
export function citation(at: At): string {
  return `${at.source}:${numberList(at.lines)}${at.pages.length ? ` p.${numberList(at.pages)}` : ""}`;
}

/** Where each metadata field was read, null when no line of a source says it (a default, or not
 *  found). `county` is also where `level`, `divisionCode`, `province` and `prefecture` come from
 *  (the division list, looked up by the county); `title` is also where `domain` comes from. */
export interface MetaAt {
  title: At | null;
  issuer: At | null;
  docNumber: At | null;
  issuedDate: At | null;
  county: At | null;
  period: At | null;
}

export type Script = "simplified" | "traditional";

/** The input formats the read stage tells apart. */
export type Format = "text" | "html" | "pdf" | "docx" | "doc";

export interface Source {
  path: string;
  sha256: string;
  bytes: number;
  format: Format;
  encoding: string;
  script: Script;
  role: "primary" | "alternate";
  repairs: Record<string, number>;
}

export type ChapterRole = "background" | "requirements" | "tasks" | "projects" | "safeguards" | "other";

export interface Item {
  no: number;
  title: string;
  /** the item's heading */
  at: At;
  text: string;
  keywords: string[];
}

export interface Section {
  no: number;
  title: string;
  /** the section's heading */
  at: At;
  items: Item[];
  text: string;
}

export interface Chapter {
  no: number;
  title: string;
  role: ChapterRole;
  /** the chapter's heading */
  at: At;
  sections: Section[];
  items: Item[];
  text: string;
}

export interface Value {
  raw: string;
  op: "<" | "<=" | ">" | ">=" | "=" | null;
  value: number | null;
  unit: string | null;
  change: "decrease" | "increase" | null;
  fiveYearAverage: boolean;
}

export interface Indicator {
  table: string | null;
  period: "13th" | "14th";
  no: number | null;
  category: string | null;
  name: string;
  canonicalId: string | null;
  unit: string | null;
  baseline: Value | null;
  target: Value | null;
  actual?: Value | null;
  nature: "binding" | "expected" | null;
  department: string | null;
  /** the row's cells, a merged cell (category, nature, department) where it was printed */
  at: At;
}

export interface Project {
  chapter: number | null;
  section: number | null;
  group: string | null;
  no: number | null;
  name: string;
  description: string;
  source: "box" | "heading" | "section" | "table";
  investment: number | null;
  investmentUnit: string | null;
  years: string | null;
  lead: string | null;
  /** the entry, heading or table row, and the lines of its description */
  at: At;
}

/** Where a plan stands among China's administrative divisions. */
export type PlanLevel = "county" | "district" | "county-city" | "city" | "province";

export interface PlanDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  slug: string;
  county: string;
  level: PlanLevel;
  /** GB/T 2260 six-digit code; null when the county is not in the division list */
  divisionCode: string | null;
  province: string | null;
  prefecture: string | null;
  /** a domain id of src/catalog/domains.ts: "emergency-management", "disaster-reduction", … */
  domain: string;
  /** the plan's own title; null when the file shows none */
  title: string | null;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number } | null;
  /** where each metadata field was read: its source (an alternate's, when the primary lacks it) and lines */
  metaAt: MetaAt;
  sources: Source[];
  chapters: Chapter[];
  indicators: Indicator[];
  projects: Project[];
  notes: Note[];
}

/** The tasks of a plan: the items of the chapters whose role is `tasks`, with their chapter and
 *  section (null for an item directly under its chapter), in document order. */
export function tasksOf(d: PlanDocument): Array<{ c: Chapter; s: Section | null; it: Item }> {
  return d.chapters
    .filter((c) => c.role === "tasks")
    .flatMap((c) => [...c.items.map((it) => ({ c, s: null, it })), ...c.sections.flatMap((s) => s.items.map((it) => ({ c, s, it })))]);
}
