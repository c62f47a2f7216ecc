// emit: the dataset's files from documents — safe for Excel, stable for CI.
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { neutralizeCell } from "../../src/csv.js";
import { emit } from "../../src/dataset/emit.js";
import type { At } from "../../src/model.js";
import type { Prepared } from "../../src/pipeline.js";
import { dataset } from "../datasets.js";
import { readBytes } from "../helpers.js";
import { cleanTextAt, prepared, prints } from "../provenance.js";

describe("neutralizeCell", () => {
  it.each([
    ["=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"],
    ["+1+2", "'+1+2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-5", "-5"],
    ["-0.5%", "-0.5%"],
    ["=", "="],
    ["<=", "<="],
    ["下降15%", "下降15%"],
  ])("%s → %s", (input, output) => {
    expect(neutralizeCell(input)).toBe(output);
  });
  it("writes null and undefined as empty cells, numbers and booleans as text", () => {
    expect([null, undefined, 0, false].map(neutralizeCell)).toEqual(["", "", "0", "false"]);
  });
});

describe("emit on the seeds", () => {
  const first = dataset("seeds");

  it("writes one JSON per county, five CSVs with a BOM and a manifest", () => {
    expect([...first.files.keys()].sort()).toEqual(
      ["chapters.csv", "documents.csv", "indicators.csv", "jinjiang.json", "lezhi.json", "linan.json", "manifest.json", "projects.csv", "tasks.csv", "yongjia.json"],
    );
    for (const [name, content] of first.files) if (name.endsWith(".csv")) expect(content.startsWith("\ufeffslug,")).toBe(true);
  });

  it("splits values into columns, with the op of 不发生 readable as =", () => {
    const rows = first.files.get("indicators.csv")!.split("\n");
    const header = rows[0]!.replace("\ufeff", "").split(",");
    const row = rows.find((r) => r.includes("重特大生产安全事故起数"))!.split(",");
    const cell = (col: string) => row[header.indexOf(col)];
    expect([cell("target_raw"), cell("target_op"), cell("target_value"), cell("nature")]).toEqual(["不发生", "=", "0", "binding"]);
  });

  it("emit() of the documents gives back the dataset's files, the manifest's inputs given", () => {
    const manifest = JSON.parse(first.files.get("manifest.json")!);
    const again = emit([...first.documents].reverse(), manifest.inputs, manifest.tool.version);
    expect(new Map([...again].sort())).toEqual(first.files);
  });

  it("has no timestamps in the manifest, only inputs with their sha256", () => {
    const manifest = JSON.parse(first.files.get("manifest.json")!);
    expect(JSON.stringify(manifest)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(manifest.inputs).toHaveLength(5);
    for (const i of manifest.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

it("emit orders documents by slug whatever order they come in", () => {
  const r = dataset("seeds");
  const reversed = emit([...r.documents].reverse(), [], "test");
  const documentsCsv = reversed.get("documents.csv")!.split("\n").slice(1, -1).map((l) => l.split(",")[0]);
  expect(documentsCsv).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
});

describe("where each row was read", () => {
  const { files, documents } = dataset("seeds");
  const rows = (name: string): Array<Record<string, string>> => parse(files.get(name)!, { columns: true, bom: true });
  /** "655-656;660" → [655, 656, 660] */
  const numbers = (cell: string): number[] =>
    cell === "" ? [] : cell.split(";").flatMap((run) => {
      const [a, b] = run.split("-").map(Number);
      return Array.from({ length: (b ?? a!) - a! + 1 }, (_, k) => a! + k);
    });
  const sources = new Map<string, Promise<Prepared>>();
  const source = (path: string) => sources.get(path) ?? sources.set(path, prepared(readBytes(`seeds/${path}`), path)).get(path)!;
  /** The row's cells that its lines do not print. */
  const unfound = async (row: Record<string, string>, columns: string[]): Promise<string[]> => {
    const at: At = { source: row.source_file!, lines: numbers(row.line!), pages: numbers(row.page!) };
    const text = cleanTextAt((await source(at.source)).cleaned, at);
    return columns.filter((c) => row[c] && !prints(text, c, row[c]!)).map((c) => `${row.slug} ${c} “${row[c]}” at ${row.source_file}:${row.line}`);
  };

  it.each([
    ["chapters.csv", ["title"]],
    ["tasks.csv", ["title"]],
    ["indicators.csv", ["name", "category", "unit", "baseline_raw", "target_raw", "department"]],
    ["projects.csv", ["name", "years", "investment", "lead", "description"]],
  ])("%s: source_file, line and page alone find the row's name and values in its source", async (name, columns) => {
    const all = rows(name);
    expect(all.length).toBeGreaterThan(20);
    for (const r of all) expect([r.source_file, r.line]).not.toContain("");
    expect((await Promise.all(all.map((r) => unfound(r, columns)))).flat()).toEqual([]);
  });

  it("documents.csv says where each metadata field was read, as file:lines", async () => {
    const fields: Array<[string, string]> = [["title", "title_at"], ["issuer", "issuer_at"], ["doc_number", "doc_number_at"], ["issued_date", "issued_date_at"], ["county", "county_at"]];
    const kinds: Record<string, string> = { doc_number: "meta docNumber", issued_date: "meta issuedDate", county: "meta county" };
    for (const row of rows("documents.csv")) {
      for (const [field, column] of fields) {
        if (!row[field]) continue;
        const m = /^(.+):([\d;-]+)$/.exec(row[column]!)!;
        expect(m, `${row.slug} ${column}`).not.toBeNull();
        const text = cleanTextAt((await source(m[1]!)).cleaned, { source: m[1]!, lines: numbers(m[2]!), pages: [] });
        expect(prints(text, kinds[field] ?? field, row[field]!), `${row.slug} ${field} at ${row[column]}`).toBe(true);
      }
    }
    expect(rows("documents.csv").find((r) => r.slug === "linan")!.doc_number_at).toBe("");
    expect(documents.find((d) => d.slug === "linan")!.metaAt.docNumber).toBeNull();
  });

  it("writes a fact's lines and pages on one line of its JSON", () => {
    const yongjia = files.get("yongjia.json")!;
    expect(yongjia).toMatch(/\n {8}"lines": \[\d+(?:, \d+)*\],\n {8}"pages": \[\]\n/);
    expect(yongjia).not.toMatch(/"lines": \[\n/);
  });
});
