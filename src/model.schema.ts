// The JSON Schema of out/<slug>.json. Its shape (objects, properties, required ones, types, nulls,
// enumerations) is checked against model.ts's types by test/model-schema.test.ts; what the types
// cannot say (patterns, minimum lengths, integers) is added here. Draft 2020-12; no field may be
// added that the contract does not name.
import { NOTE_KINDS } from "./notes.js";

const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" };
const int = { type: "integer" };

const note = {
  type: "object",
  additionalProperties: false,
  required: ["stage", "step", "kind", "severity", "source", "line", "message"],
  properties: {
    stage: { enum: ["read", "clean", "segment", "reconcile"] },
    step: str,
    kind: { enum: Object.keys(NOTE_KINDS) },
    severity: { enum: ["info", "warning", "loss"] },
    source: str,
    line: nullable({ type: "integer", minimum: 1 }),
    message: str,
  },
};

/** Where a fact was read (model.ts At): its source's path as in `sources` and the manifest, the
 *  1-based lines of that source's decoded text it stands on (for PDF, DOCX and DOC the text the
 *  reader produced; `plans inspect FILE --at LINE` shows them), and their pages where the source
 *  tells pages (PDF; DOCX as Word last laid it out; the page numbers of a PDF's text copy). */
const at = {
  description: "where the fact was read",
  type: "object",
  additionalProperties: false,
  required: ["source", "lines", "pages"],
  properties: {
    source: { description: "the source's path, as in sources[] and the manifest", type: "string", minLength: 1 },
    lines: {
      description:
        "the 1-based lines of the source's decoded text the fact stands on, ascending (for PDF, DOCX and DOC the text the reader produced); several for a fact put together from several lines",
      type: "array",
      minItems: 1,
      items: { type: "integer", minimum: 1 },
    },
    pages: {
      description: "the pages of those lines, ascending, each once (a PDF's as a viewer counts them; a DOCX's as Word last laid it out; a PDF text copy's printed page numbers); empty when the source does not tell",
      type: "array",
      items: { type: "integer", minimum: 1 },
    },
  },
};

/** Where each metadata field was read; null where no line of a source says it. `county` also
 *  stands for level, divisionCode, province and prefecture (the division list's, by the county);
 *  `title` for domain. */
const metaAt = {
  description: "where each metadata field was read; county also for level, divisionCode, province and prefecture; title also for domain",
  type: "object",
  additionalProperties: false,
  required: ["title", "issuer", "docNumber", "issuedDate", "county", "period"],
  properties: Object.fromEntries(["title", "issuer", "docNumber", "issuedDate", "county", "period"].map((k) => [k, nullable(at)])),
};

const value = {
  type: "object",
  additionalProperties: false,
  required: ["raw", "op", "value", "unit", "change", "fiveYearAverage"],
  properties: {
    raw: str,
    op: nullable({ enum: ["<", "<=", ">", ">=", "="] }),
    value: nullable({ type: "number" }),
    unit: nullable(str),
    change: nullable({ enum: ["decrease", "increase"] }),
    fiveYearAverage: { type: "boolean" },
  },
};

const item = {
  type: "object",
  additionalProperties: false,
  required: ["no", "title", "at", "text", "keywords"],
  properties: { no: int, title: str, at, text: str, keywords: { type: "array", items: str } },
};

const section = {
  type: "object",
  additionalProperties: false,
  required: ["no", "title", "at", "items", "text"],
  properties: { no: int, title: str, at, items: { type: "array", items: item }, text: str },
};

const chapter = {
  type: "object",
  additionalProperties: false,
  required: ["no", "title", "role", "at", "sections", "items", "text"],
  properties: {
    no: int,
    title: str,
    role: { enum: ["background", "requirements", "tasks", "projects", "safeguards", "other"] },
    at,
    sections: { type: "array", items: section },
    items: { type: "array", items: item },
    text: str,
  },
};

const indicator = {
  type: "object",
  additionalProperties: false,
  required: ["table", "period", "no", "category", "name", "canonicalId", "unit", "baseline", "target", "nature", "department", "at"],
  properties: {
    table: nullable(str),
    period: { enum: ["13th", "14th"] },
    no: nullable(int),
    category: nullable(str),
    name: { type: "string", minLength: 1 },
    canonicalId: nullable(str),
    unit: nullable(str),
    baseline: nullable(value),
    target: nullable(value),
    actual: nullable(value),
    nature: nullable({ enum: ["binding", "expected"] }),
    department: nullable(str),
    at,
  },
};

const project = {
  type: "object",
  additionalProperties: false,
  required: ["chapter", "section", "group", "no", "name", "description", "source", "investment", "investmentUnit", "years", "lead", "at"],
  properties: {
    chapter: nullable(int),
    section: nullable(int),
    group: nullable(str),
    no: nullable(int),
    name: { type: "string", minLength: 1 },
    description: str,
    source: { enum: ["box", "heading", "section", "table"] },
    investment: nullable({ type: "number" }),
    investmentUnit: nullable(str),
    years: nullable(str),
    lead: nullable(str),
    at,
  },
};

const source = {
  type: "object",
  additionalProperties: false,
  required: ["path", "sha256", "bytes", "format", "encoding", "script", "role", "repairs"],
  properties: {
    path: str,
    sha256: { type: "string", pattern: "^[0-9a-f]{64}$" },
    bytes: { type: "integer", minimum: 0 },
    format: { enum: ["text", "html", "pdf", "docx", "doc"] },
    encoding: str,
    script: { enum: ["simplified", "traditional"] },
    role: { enum: ["primary", "alternate"] },
    repairs: { type: "object", additionalProperties: { type: "integer", minimum: 1 } },
  },
};

export const PLAN_DOCUMENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "plans/plan-document.schema.json",
  title: "PlanDocument",
  type: "object",
  additionalProperties: false,
  required: ["schemaVersion", "slug", "county", "level", "divisionCode", "province", "prefecture", "domain", "title", "issuer", "docNumber", "issuedDate", "period", "metaAt", "sources", "chapters", "indicators", "projects", "notes"],
  properties: {
    schemaVersion: { const: 3 },
    slug: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
    county: str,
    level: { enum: ["county", "district", "county-city", "city", "province"] },
    divisionCode: nullable({ type: "string", pattern: "^\\d{6}$" }),
    province: nullable(str),
    prefecture: nullable(str),
    domain: { type: "string", pattern: "^[a-z][a-z-]*$" },
    title: nullable(str),
    issuer: nullable(str),
    docNumber: nullable(str),
    issuedDate: nullable({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
    period: nullable({ type: "object", additionalProperties: false, required: ["start", "end"], properties: { start: int, end: int } }),
    metaAt,
    sources: { type: "array", minItems: 1, items: source },
    chapters: { type: "array", items: chapter },
    indicators: { type: "array", items: indicator },
    projects: { type: "array", items: project },
    notes: { type: "array", items: note },
  },
} as const;
