// The JSON Schema of out/<slug>.json, kept beside the types of model.ts that it mirrors (a test
// validates every document the pipeline produces against it, and a change to one without the other
// fails that test). Draft 2020-12; no field may be added that the contract does not name.

const nullable = (schema: object) => ({ anyOf: [schema, { type: "null" }] });
const str = { type: "string" };
const int = { type: "integer" };

const note = {
  type: "object",
  additionalProperties: false,
  required: ["stage", "kind", "source", "line", "message"],
  properties: { stage: str, kind: str, source: str, line: nullable({ type: "integer", minimum: 1 }), message: str },
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
  required: ["no", "title", "text", "keywords"],
  properties: { no: int, title: str, text: str, keywords: { type: "array", items: str } },
};

const section = {
  type: "object",
  additionalProperties: false,
  required: ["no", "title", "items", "text"],
  properties: { no: int, title: str, items: { type: "array", items: item }, text: str },
};

const chapter = {
  type: "object",
  additionalProperties: false,
  required: ["no", "title", "role", "sections", "items", "text"],
  properties: {
    no: int,
    title: str,
    role: { enum: ["background", "requirements", "tasks", "projects", "safeguards", "other"] },
    sections: { type: "array", items: section },
    items: { type: "array", items: item },
    text: str,
  },
};

const indicator = {
  type: "object",
  additionalProperties: false,
  required: ["table", "period", "no", "category", "name", "canonicalId", "unit", "baseline", "target", "nature", "department"],
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
  },
};

const project = {
  type: "object",
  additionalProperties: false,
  required: ["chapter", "section", "group", "no", "name", "description", "source", "investment", "investmentUnit", "years", "lead"],
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
  required: ["schemaVersion", "slug", "county", "title", "issuer", "docNumber", "issuedDate", "period", "sources", "chapters", "indicators", "projects", "notes"],
  properties: {
    schemaVersion: { const: 1 },
    slug: { type: "string", pattern: "^[a-z0-9][a-z0-9-]*$" },
    county: str,
    title: str,
    issuer: nullable(str),
    docNumber: nullable(str),
    issuedDate: nullable({ type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" }),
    period: nullable({ type: "object", additionalProperties: false, required: ["start", "end"], properties: { start: int, end: int } }),
    sources: { type: "array", minItems: 1, items: source },
    chapters: { type: "array", items: chapter },
    indicators: { type: "array", items: indicator },
    projects: { type: "array", items: project },
    notes: { type: "array", items: note },
  },
} as const;
