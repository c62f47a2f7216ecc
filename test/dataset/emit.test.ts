// emit: the dataset's files from documents — safe for Excel, stable for CI.
import { describe, expect, it } from "vitest";
import { emit, neutralizeCell } from "../../src/dataset/emit.js";
import { ingest } from "../../src/dataset/ingest.js";
import { readBytes, seedNames } from "../helpers.js";

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

const inputs = () => seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) }));
const first = await ingest(inputs(), { toolVersion: "test" });

describe("emit on the seeds", () => {

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

  it("gives byte-identical files for the same inputs in another order", async () => {
    const again = await ingest(inputs().reverse(), { toolVersion: "test" });
    expect(again.files).toEqual(first.files);
  });

  it("has no timestamps in the manifest, only inputs with their sha256", () => {
    const manifest = JSON.parse(first.files.get("manifest.json")!);
    expect(JSON.stringify(manifest)).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    expect(manifest.inputs).toHaveLength(5);
    for (const i of manifest.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

it("emit orders documents by slug whatever order they come in", async () => {
  const r = await ingest(seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: "test" });
  const reversed = emit([...r.documents].reverse(), [], "test");
  const documentsCsv = reversed.get("documents.csv")!.split("\n").slice(1, -1).map((l) => l.split(",")[0]);
  expect(documentsCsv).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
});
