// The types of shared/DESIGN.md's output contract, plus the values stages hand each other.

export const SCHEMA_VERSION = 1 as const;

/** What a stage repaired, dropped or doubted, with the (1-based, original-file) line it concerns. */
export interface Note {
  stage: string;
  kind: string;
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
  text: string;
  keywords: string[];
}

export interface Section {
  no: number;
  title: string;
  items: Item[];
  text: string;
}

export interface Chapter {
  no: number;
  title: string;
  role: ChapterRole;
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
}

export interface PlanDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  slug: string;
  county: string;
  title: string;
  issuer: string | null;
  docNumber: string | null;
  issuedDate: string | null;
  period: { start: number; end: number } | null;
  sources: Source[];
  chapters: Chapter[];
  indicators: Indicator[];
  projects: Project[];
  notes: Note[];
}
