// The seed plans as the attachments counties publish (fixtures/formats, made by its make.mjs with the
// docx package and LibreOffice, and a web page printed by Chromium, print.mjs): DOCX with Word's numbering and merged cells, PDF with running
// headers, page numbers and tables across pages, DOC. Each is scored against its seed's expectation,
// and a folder of every format gives the same documents as the text seeds.
import { describe, expect, it } from "vitest";
import type { PlanDocument } from "../../src/model.js";
import { dataset, type Dataset } from "../datasets.js";
import { formatScore, scoreDocument } from "../score.js";
import { readExpected } from "../helpers.js";

const BAR = 0.98;

const CASES: Array<[string, string, string]> = [
  ["linan.docx", "linan", "docx"],
  ["linan.pdf", "linan", "pdf"],
  ["linan.doc", "linan", "doc"],
  ["lezhi.docx", "lezhi", "docx"],
  ["lezhi.pdf", "lezhi", "pdf"],
  ["lezhi.doc", "lezhi", "doc"],
  ["yongjia.pdf", "yongjia", "pdf"],
  ["jinjiang.pdf", "jinjiang", "pdf"],
  // indicator tables read from the text's positions: rules between rows only, none, three rules
  ["linan-rules.pdf", "linan", "pdf"],
  ["lezhi-borderless.pdf", "lezhi", "pdf"],
  ["jinjiang-three-line.pdf", "jinjiang", "pdf"],
  // a web page printed by a browser (print.mjs): its tables' cells each boxed apart, double rules
  ["linan-printed.pdf", "linan", "pdf"],
  // indicator tables that do not number their rows (no 序号 column); 晋江's figures headed by bare
  // years (2020年 | 2025年)
  ["lezhi-unnumbered.docx", "lezhi", "docx"],
  ["jinjiang-unnumbered.pdf", "jinjiang", "pdf"],
];

const manifest = (r: Dataset): { inputs: Array<{ path: string; format: string | null; status: string; reason?: string }> } => JSON.parse(r.files.get("manifest.json")!);

describe.each(CASES)("%s", (file, slug, format) => {
  const result = dataset(`format:${file}`);
  const doc = result.documents[0]!;
  const score = scoreDocument(doc, readExpected(slug));

  it(`is read as ${format} and becomes ${slug}`, () => {
    console.log(formatScore(`${slug} from ${file}`, score));
    expect(result.documents).toHaveLength(1);
    expect(doc.slug).toBe(slug);
    expect(doc.sources[0]).toMatchObject({ format });
    expect(manifest(result).inputs[0]).toMatchObject({ format, status: "ok" });
  });
  it(`scores ${BAR} or more on every list`, () => {
    expect(score.metaMisses).toEqual([]);
    for (const list of [score.chapters, score.sections, score.items, score.indicators, score.projects]) expect(list.f1).toBeGreaterThanOrEqual(BAR);
    expect(score.roles).toBeGreaterThanOrEqual(BAR);
    expect(score.indfields).toBeGreaterThanOrEqual(BAR);
  });
});

describe.each(["lezhi-unnumbered.docx", "jinjiang-unnumbered.pdf"])("%s, whose indicator table does not number its rows", (file) => {
  it("gives its indicators no number, and each row's own line", () => {
    const doc = dataset(`format:${file}`).documents[0]!;
    expect(doc.indicators.length).toBeGreaterThan(5);
    expect(doc.indicators.map((i) => i.no)).toEqual(doc.indicators.map(() => null));
    const lines = doc.indicators.map((i) => i.at.lines[0]!);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(new Set(lines).size).toBe(lines.length);
  });
});

describe("jinjiang-unnumbered.pdf, whose appendix does not number its projects", () => {
  it("reads the appendix's 18 projects across its pages, with no number, investments summing to 26680 万元", () => {
    const rows = dataset("format:jinjiang-unnumbered.pdf").documents[0]!.projects.filter((p) => p.source === "table");
    expect(rows.map((p) => p.no)).toEqual(Array.from({ length: 18 }, () => null));
    expect(rows.map((p) => p.name)).toEqual(dataset("format:jinjiang.pdf").documents[0]!.projects.filter((p) => p.source === "table").map((p) => p.name));
    expect(rows.reduce((a, p) => a + (p.investment ?? 0), 0)).toBe(26680);
  });
});

describe.each(["jinjiang.pdf", "jinjiang-three-line.pdf"])("晋江市 as %s", (file) => {
  it("reads the appendix's 18 projects, which a page break splits, with investments summing to 26680 万元", () => {
    const doc = dataset(`format:${file}`).documents[0]!;
    const rows = doc.projects.filter((p) => p.source === "table");
    expect(rows.map((p) => p.no)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    expect(rows.reduce((a, p) => a + (p.investment ?? 0), 0)).toBe(26680);
    expect(new Set(rows.map((p) => p.investmentUnit))).toEqual(new Set(["万元"]));
  });
});

/** What a document says, without where it came from: outline, indicators and projects. */
function content(d: PlanDocument) {
  return {
    slug: d.slug,
    title: d.title,
    docNumber: d.docNumber,
    issuedDate: d.issuedDate,
    chapters: d.chapters.map((c) => ({ no: c.no, title: c.title, role: c.role, sections: c.sections.map((s) => [s.no, s.title, s.items.map((i) => [i.no, i.title])]), items: c.items.map((i) => [i.no, i.title]) })),
    indicators: d.indicators.map((i) => [i.table, i.period, i.no, i.category, i.name, i.target?.raw ?? null, i.baseline?.raw ?? null, i.nature, i.department]),
    projects: d.projects.map((p) => [p.chapter, p.section, p.no, p.name, p.source, p.investment, p.years, p.lead]),
  };
}

describe("a folder of PDF, DOCX, DOC, HTML and TXT copies", () => {
  it("gives the same documents as the text seeds", () => {
    const fromText = dataset("seeds");
    const fromFiles = dataset("formats:downloads");
    expect(fromFiles.documents.map(content)).toEqual(fromText.documents.map(content));
    const inputs = manifest(fromFiles).inputs;
    const formats = Object.fromEntries(inputs.map((i) => [i.path.replace("downloads/", ""), i.format]));
    expect(formats).toMatchObject({ "linan.pdf": "pdf", "linan.docx": "docx", "linan.doc": "doc", "linan-page.html": "html", "lezhi-gbk.txt": "text" });
    const skipped = inputs.filter((i) => i.status === "skipped").map((i) => i.reason);
    expect(skipped).toHaveLength(5);
    for (const reason of skipped) expect(reason).toMatch(/^downloads\/broken\/\S+: /);
  });
});
