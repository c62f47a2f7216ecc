// The DOCX reader on the docx package's files of the seed plans (fixtures/formats) and on broken
// ones; Word's number formats one by one.
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocx } from "../../src/read/docx.js";
import { chineseCounting, formatNumber } from "../../src/read/docx-numbering.js";
import type { Read } from "../../src/read/result.js";
import { readBytes } from "../helpers.js";

const ok = async (bytes: Uint8Array, name: string): Promise<Read> => {
  const r = await readDocx(bytes, name);
  if (!r.ok) throw new Error(r.message);
  return r;
};

describe("Word's number formats", () => {
  it("counts in Chinese as printed", () => {
    expect([1, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 1005].map((n) => chineseCounting(n, "零一二三四五六七八九"))).toEqual(
      ["一", "九", "十", "十一", "十九", "二十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千零五"],
    );
  });
  it.each([
    ["decimal", 3, "3"], ["chineseCounting", 12, "十二"], ["chineseCountingThousand", 4, "四"], ["ideographTraditional", 3, "丙"],
    ["decimalEnclosedCircle", 5, "⑤"], ["decimalFullWidth", 12, "１２"], ["upperRoman", 14, "XIV"], ["lowerLetter", 28, "bb"],
    ["chineseLegalSimplified", 12, "拾贰"], ["ideographDigital", 2021, "二〇二一"],
  ])("%s prints %d as %s", (format, n, printed) => expect(formatNumber(n as number, format as string)).toBe(printed));
});

/** A minimal .docx: document.xml's body and numbering.xml's definitions. */
async function docx(body: string, numbering = ""): Promise<Uint8Array> {
  const zip = new JSZip();
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
  zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
  if (numbering) zip.file("word/numbering.xml", `<?xml version="1.0"?><w:numbering ${W}>${numbering}</w:numbering>`);
  return zip.generateAsync({ type: "uint8array" });
}
const p = (text: string, num?: [number, number]) =>
  `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr></w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const lvl = (i: number, fmt: string, text: string, extra = "") => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/>${extra}</w:lvl>`;

describe("numbering", () => {
  const outline = `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "chineseCounting", "（%2）")}${lvl(2, "decimal", "%3.")}</w:abstractNum>`;
  it("renders the outline and restarts a level after a higher one", async () => {
    const r = await ok(await docx([p("总体要求", [1, 0]), p("指导思想", [1, 1]), p("甲", [1, 2]), p("乙", [1, 2]), p("基本原则", [1, 1]), p("丙", [1, 2]), p("主要任务", [1, 0]), p("正文")].join(""), `${outline}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`), "t.docx");
    expect(r.text.split("\n")).toEqual(["一、总体要求", "（一）指导思想", "1.甲", "2.乙", "（二）基本原则", "1.丙", "二、主要任务", "正文"]);
  });
  it("continues a list through another instance of it, and starts again where an instance overrides the start", async () => {
    const nums = `${outline}<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>`;
    const r = await ok(await docx([p("甲", [1, 2]), p("乙", [2, 2]), p("丙", [3, 2]), p("丁", [3, 2])].join(""), nums), "t.docx");
    expect(r.text.split("\n")).toEqual(["1.甲", "2.乙", "1.丙", "2.丁"]);
  });
  it("lvlRestart 0 numbers a level on through its parents", async () => {
    const abs = `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "（%1）")}${lvl(1, "decimal", "%2.", '<w:lvlRestart w:val="0"/>')}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    const r = await ok(await docx([p("甲", [1, 0]), p("a", [1, 1]), p("乙", [1, 0]), p("b", [1, 1])].join(""), abs), "t.docx");
    expect(r.text.split("\n")).toEqual(["（一）甲", "1.a", "（二）乙", "2.b"]);
  });
});

describe("tables", () => {
  const tc = (text: string, pr = "") => `<w:tc><w:tcPr>${pr}</w:tcPr>${p(text)}</w:tc>`;
  it("gives a merged cell (vMerge, gridSpan) to every slot it covers", async () => {
    const grid = `<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`;
    const rows = [
      `<w:tr>${tc("类别", '<w:vMerge w:val="restart"/>')}${tc("目标", '<w:gridSpan w:val="2"/>')}</w:tr>`,
      `<w:tr>${tc("", "<w:vMerge/>")}${tc("值")}${tc("降幅")}</w:tr>`,
    ];
    const r = await ok(await docx(`<w:tbl>${grid}${rows.join("")}</w:tbl>`), "t.docx");
    expect(r.text.split("\n")).toEqual(["类别\t目标\t目标", "类别\t值\t降幅"]);
    expect(r.info).toEqual({ tables: 1 });
  });
  it("reads a one-column table (a 专栏 box) as paragraphs", async () => {
    const r = await ok(await docx(`<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid><w:tr><w:tc>${p("专栏1：某工程")}${p("1.甲")}</w:tc></w:tr></w:tbl>`), "t.docx");
    expect(r.text.split("\n")).toEqual(["专栏1：某工程", "1.甲"]);
  });
});

describe("pages", () => {
  const brk = "<w:lastRenderedPageBreak/>";
  const at = (text: string, where: "start" | "middle") => `<w:p><w:r>${where === "start" ? brk : ""}<w:t>${text}</w:t>${where === "middle" ? `${brk}<w:t>续</w:t>` : ""}</w:r></w:p>`;
  const tc = (inner: string) => `<w:tc>${inner}</w:tc>`;
  it("gives each line the page Word last laid it out on: a line is on the page its text starts on", async () => {
    const merged = `<w:tcPr><w:vMerge w:val="restart"/></w:tcPr>`;
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid><w:tr><w:tc>${merged}${p("类")}</w:tc>${tc(p("甲"))}</w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p("")}</w:tc>${tc(at("乙", "start"))}</w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr>${p("")}</w:tc>${tc(p("丙"))}</w:tr></w:tbl>`;
    const body = [p("一"), at("二", "middle"), p("三"), `<w:p><w:r>${brk}</w:r></w:p>`, p("四"), table, p("五")].join("");
    const r = await ok(await docx(body), "t.docx");
    expect(r.text.split("\n")).toEqual(["一", "二续", "三", "四", "类\t甲", "类\t乙", "类\t丙", "五"]);
    // a page that begins mid-line leaves the line where it started; one in an empty paragraph starts the next line's
    // page; a merged cell's copies below it do not begin pages again
    expect(r.pages).toEqual([1, 1, 2, 3, 3, 4, 4, 4]);
  });
  it("tells no pages when Word saved no layout", async () => {
    const r = await ok(await docx(p("一") + p("二")), "t.docx");
    expect(r.pages).toBeUndefined();
  });
});

describe("fixtures", () => {
  it("乐至: items numbered by Word restart per section; the 重点工程 headings run on 1–8 through their sections", async () => {
    const lines = (await ok(readBytes("fixtures/formats/lezhi.docx"), "lezhi.docx")).text.split("\n");
    expect(lines).toContain("一、形势分析");
    expect(lines).toContain("（六）加强群防群治体系建设");
    expect(lines).toContain("5.强化综合行政执法");
    expect(lines.filter((l) => /^[1-8]\./.test(l)).slice(-8).map((l) => l[0])).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
  });
  it("临安: the 类别 merged down its rows is given to each", async () => {
    const rows = (await ok(readBytes("fixtures/formats/linan.docx"), "linan.docx")).text.split("\n").filter((l) => l.includes("\t"));
    expect(rows.map((r) => r.split("\t")[1])).toEqual(["类别", ...Array(7).fill("安全生产"), ...Array(3).fill("应急救援"), ...Array(4).fill("防灾减灾救灾")]);
  });
});

describe("files it cannot read", () => {
  it("refuses a cut-off DOCX, saying why", async () => {
    const bytes = readBytes("fixtures/formats/linan.docx");
    const r = await readDocx(bytes.subarray(0, bytes.length / 2), "cut.docx");
    expect(r).toMatchObject({ ok: false, format: "docx", message: expect.stringMatching(/^cut.docx: a damaged Word document/) });
  });
  it("refuses a ZIP without a Word document in it", async () => {
    const zip = new JSZip();
    zip.file("word/other.xml", "<x/>");
    const r = await readDocx(await zip.generateAsync({ type: "uint8array" }), "x.docx");
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^x.docx: .*no word\/document.xml/) });
  });
});
