// The PDF reader on LibreOffice's PDFs of the seed plans (fixtures/formats) and on broken files, and
// its pieces on positions made up to show one thing each.
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/read/pdf/reader.js";
import { furniture, isPageNumber } from "../../src/read/pdf/furniture.js";
import { frames, readTable } from "../../src/read/pdf/grid.js";
import { toLines, type Run } from "../../src/read/pdf/lines.js";
import { IDENTITY, rulings, type PathPoint } from "../../src/read/pdf/rulings.js";
import type { Read } from "../../src/read/result.js";
import { readBytes } from "../helpers.js";

const ok = async (file: string): Promise<Read> => {
  const r = await readPdf(readBytes(`fixtures/formats/${file}`), file);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const run = (text: string, x: number, y: number, size = 10): Run => ({ text, x, y, width: [...text].length * size, size });

/**
 * A PDF written here, a page per content stream (Helvetica as /F1, form XObjects as /X0, /X1 … on
 * every page), its objects in order and then its cross-reference table. `shift` moves every offset
 * that table gives, as a server that rewrote a file's line ends leaves them; `firstTrailer` puts a
 * trailer before the objects, as a linearized ("fast web view") file has one, from which PDFium
 * can open a file cut short.
 */
function writtenPdf(pages: string[], o: { forms?: Array<{ matrix: number[]; body: string }>; shift?: number; firstTrailer?: boolean } = {}): Uint8Array {
  const forms = o.forms ?? [];
  const stream = (dict: string, body: string) => `<< ${dict} /Length ${body.length} >>\nstream\n${body}\nendstream`;
  const font = 3 + 2 * pages.length;
  const xobjects = forms.map((_, i) => `/X${i} ${font + 1 + i} 0 R`).join(" ");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${pages.map((_, i) => `${3 + 2 * i} 0 R`).join(" ")}] /Count ${pages.length} >>`,
    ...pages.flatMap((content, i) => [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents ${4 + 2 * i} 0 R /Resources << /Font << /F1 ${font} 0 R >> /XObject << ${xobjects} >> >> >>`,
      stream("", content),
    ]),
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...forms.map((f) => stream(`/Type /XObject /Subtype /Form /BBox [-1000 -1000 1000 1000] /Matrix [${f.matrix.join(" ")}]`, f.body)),
  ];
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\n`;
  let out = "%PDF-1.4\n" + (o.firstTrailer ? trailer : "");
  const offsets = objects.map((obj, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${obj}\nendobj\n`;
    return at + (o.shift ?? 0);
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((n) => `${String(n).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `${trailer}startxref\n${xref + (o.shift ?? 0)}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}
const show = (text: string, x: number, y: number, font = "/F1 10 Tf", matrix = `1 0 0 1 ${x} ${y}`) => `BT ${font} ${matrix} Tm (${text}) Tj ET`;

describe("lines from positions", () => {
  it("groups runs by baseline, reads them left to right, and spaces only wide gaps", () => {
    const lines = toLines([run("总体要求", 50, 700), run("二、", 30, 700), run("永嘉县人民政府办公室", 30, 680), run("2021年12月29日印发", 250, 680), run("GDP", 30, 660), run("2021", 62, 660)]);
    expect(lines.map((l) => l.text)).toEqual(["二、总体要求", "永嘉县人民政府办公室 2021年12月29日印发", "GDP 2021"]);
  });
  it("drops the typesetter's gap between Chinese and digits but keeps a table number's", () => {
    expect(toLines([run("截止2020 年底", 0, 0), run("1 晋江市核心指标", 0, -20)]).map((l) => l.text)).toEqual(["截止2020年底", "1 晋江市核心指标"]);
  });
  it("keeps the space after a sentence's end that parts items run together on one line", () => {
    expect(toLines([run("有力管控与支撑安全责任人履行职能。 9.应急评估管理系统。", 0, 0)]).map((l) => l.text)).toEqual(["有力管控与支撑安全责任人履行职能。 9.应急评估管理系统。"]);
  });
});

describe("page furniture", () => {
  it("knows page numbers by their form", () => {
    for (const t of ["— 12 —", "- 12 -", "—12—", "第 12 页", "第12页 共40页", "12/40", "12"]) expect(isPageNumber(t), t).toBe(true);
    for (const t of ["2021年12月", "一、总体要求", "12个项目"]) expect(isPageNumber(t), t).toBe(false);
  });
  it("drops a line repeated at the same height page after page, and not the same text lower down", () => {
    const page = (n: number, first: string) => ({ height: 800, lines: [{ text: "某县应急管理规划", y: 780 }, { text: first, y: 700 }, { text: ["第一页", "第二页", "第三页"][n - 1] + "的末行", y: 400 }, { text: `— ${n} —`, y: 30 }] });
    const f = furniture([page(1, "某县应急管理规划"), page(2, "第二页的正文"), page(3, "第三页的正文")]);
    expect(f.header.map((s) => [...s])).toEqual([[0], [0], [0]]);
    expect(f.footer.map((s) => [...s])).toEqual([[3], [3], [3]]);
    expect(f.dropped.map((d) => d.text)).toEqual(["某县应急管理规划", "page numbers"]);
  });
});

describe("ruled tables", () => {
  it("takes a filled hairline as a rule, a browser's mitred border (a thin trapezoid) too, and not an area", () => {
    const filled = (pts: Array<[number, number]>) => ({ points: pts.map(([x, y], i): PathPoint => ({ kind: i === 0 ? "move" : "line", x, y, close: false })), matrix: IDENTITY, stroked: false, filled: true });
    const segs = rulings([
      filled([[0, 0], [100, 0], [100, 0.75], [0, 0.75]]),
      // a left border whose top end is mitred where the top border meets it
      filled([[499.5, 5.75], [499.5, 276], [500.25, 276], [500.25, 5]]),
      filled([[0, 10], [100, 10], [100, 40], [0, 40]]),
    ]);
    expect(segs).toEqual([
      { x1: 0, y1: 0.375, x2: 100, y2: 0.375 },
      { x1: 499.875, y1: 5, x2: 499.875, y2: 276 },
    ]);
  });
  it("reads a table whose cells are boxed apart (a web page's table as a browser prints it) like one ruled once", () => {
    // the table of the test below, each cell drawn as a box of its own with 1 px borders (0.75 pt:
    // each rule runs 0.375 past the middle of the ones it meets) 2 px (1.5 pt) from the next: every
    // inner boundary is two rules 2.25 pt apart, and the merged cell is one box two rows tall
    const o = 0.375;
    const box = (x1: number, y1: number, x2: number, y2: number) => [
      { x1: x1 - o, y1: y2, x2: x2 + o, y2 },
      { x1: x1 - o, y1, x2: x2 + o, y2: y1 },
      { x1, y1: y1 - o, x2: x1, y2: y2 + o },
      { x1: x2, y1: y1 - o, x2, y2: y2 + o },
    ];
    const g = 1.125;
    const cells = [
      box(0, 60 + g, 100 - g, 90), box(100 + g, 60 + g, 200 - g, 90), box(200 + g, 60 + g, 300, 90),
      box(0, 0, 100 - g, 60 - g),
      box(100 + g, 30 + g, 200 - g, 60 - g), box(200 + g, 30 + g, 300, 60 - g),
      box(100 + g, 0, 200 - g, 30 - g), box(200 + g, 0, 300, 30 - g),
    ].flat();
    const [f] = frames(cells);
    expect(f.xs).toHaveLength(4);
    expect(f.ys).toHaveLength(4);
    const t = readTable(f, [run("类别", 10, 70), run("名称", 110, 70), run("目标", 210, 70), run("安", 40, 40), run("全", 40, 25), run("甲", 110, 40), run("1", 210, 40), run("乙", 110, 10), run("2", 210, 10)]);
    expect(t.rows).toEqual([["类别", "名称", "目标"], ["安全", "甲", "1"], ["安全", "乙", "2"]]);
    expect(t.merged).toBe(1);
  });
  // 3 columns × 3 rows; the first column's rule between rows 2 and 3 is missing: one merged cell
  const H = (y: number, x1 = 0, x2 = 300) => ({ x1, y1: y, x2, y2: y });
  const V = (x: number, y1 = 0, y2 = 90) => ({ x1: x, y1, x2: x, y2 });
  const segs = [H(90), H(60), H(30, 100, 300), H(0), V(0), V(100), V(200), V(300)];
  it("reads a merged cell, printed once and one character per line, into every row it spans", () => {
    const [f] = frames(segs);
    expect(f.xs).toHaveLength(4);
    const t = readTable(f, [run("类别", 10, 70), run("名称", 110, 70), run("目标", 210, 70), run("安", 40, 40), run("全", 40, 25), run("甲", 110, 40), run("1", 210, 40), run("乙", 110, 10), run("2", 210, 10)]);
    expect(t.rows).toEqual([["类别", "名称", "目标"], ["安全", "甲", "1"], ["安全", "乙", "2"]]);
    expect(t.merged).toBe(1);
  });
});

describe("fixtures", () => {
  it("临安: drops 20 running headers and 20 page numbers and rejoins the table that pages 6 and 7 split", async () => {
    const r = await ok("linan.pdf");
    expect(r.info).toEqual({ pages: 21, tables: 1, headersDropped: 20, footersDropped: 20 });
    const lines = r.text.split("\n");
    expect(lines.filter((l) => l === "杭州市临安区应急管理“十四五”规划")).toHaveLength(1);
    expect(lines.filter((l) => /^[—-]?\s*\d+\s*[—-]?$/.test(l))).toEqual([]);
    const rows = lines.filter((l) => l.includes("\t"));
    expect(rows).toHaveLength(15);
    expect(rows[0]).toBe("序号\t类别\t指标名称\t2025年目标\t指标属性");
    expect(rows.slice(1).map((l) => l.split("\t")[0])).toEqual(Array.from({ length: 14 }, (_, i) => String(i + 1)));
    expect(rows[8]).toBe("8\t应急救援\t专职消防人员占全区总人口的比例\t>0.5‰\t预期性");
    expect(r.pages).toHaveLength(lines.length);
    expect(r.pages![lines.indexOf(rows[14])]).toBe(7);
  });
  it("临安: a paragraph's wrapped lines, and a box split by a page break, become one line each", async () => {
    const lines = (await ok("linan.pdf")).text.split("\n");
    const start = lines.findIndex((l) => l.startsWith("1.一个指挥平台。"));
    expect(lines[start]).toMatch(/专家等应急基础数据在“防灾天目应急指挥平台”上的查询、分类、展示、统计、叠加；整合事件动态、领导批示、监测预警、专业模型分析结果、现场反馈、救援进展等相关各类信息。$/);
    expect(lines[start + 1]).toMatch(/^2\.两网建设：/);
  });
  it("永嘉: a merged 类别 printed one character per line belongs to rows 1–9, a merged 责任部门 to rows 1–5", async () => {
    const rows = (await ok("yongjia.pdf")).text.split("\n").filter((l) => l.includes("\t")).map((l) => l.split("\t"));
    const table2 = rows.filter((r) => r.length === 7 && /^\d+$/.test(r[0]));
    expect(table2).toHaveLength(17);
    expect(table2.map((r) => r[1])).toEqual([...Array(9).fill("安全生产"), ...Array(4).fill("应急救援"), ...Array(4).fill("减灾救灾")]);
    expect(table2.slice(0, 6).map((r) => r[6])).toEqual([...Array(5).fill("县应急管理局"), "县公安局"]);
  });
  it("永嘉: two spaces typed between two characters stay one space, and a space before a tab keeps the issuer apart from the date", async () => {
    const lines = (await ok("yongjia.pdf")).text.split("\n");
    expect(lines).toContain("通 知");
    expect(lines).toContain("永嘉县人民政府办公室 2021年12月29日印发");
  });
});

describe("what PDFium gives of a page", () => {
  it("reads upright text, a space where the writer moved the pen a word's width on, and leaves rotated text out", async () => {
    const page = [show("Emergency", 72, 700), "BT /F1 10 Tf 72 680 Td [(plan) -3000 (2021-2025)] TJ ET", show("DRAFT", 300, 300, "/F1 40 Tf", "0 1 -1 0 300 300")].join("\n");
    const r = await readPdf(writtenPdf([page]), "w.pdf");
    expect(r).toMatchObject({ ok: true, method: "pdfium", text: "Emergency\nplan 2021-2025" });
  });
  it("keeps a hyphen that breaks a word at a line's end as printed (PDFium reads it as U+0002)", async () => {
    const r = await readPdf(writtenPdf(["BT /F1 12 Tf 72 700 Td (The plan covers the coun-) Tj 0 -14 Td (ty as a whole.) Tj ET"]), "w.pdf");
    expect(r).toMatchObject({ ok: true, text: "The plan covers the coun-ty as a whole." });
  });
  it("reads a heading printed twice a hair apart (a writer's fake bold) once", async () => {
    const r = await readPdf(writtenPdf([[show("Overall requirements", 72, 700, "/F1 14 Tf"), show("Overall requirements", 72.3, 700, "/F1 14 Tf"), show("Body text.", 72, 680)].join("\n")]), "w.pdf");
    expect(r).toMatchObject({ ok: true, text: "Overall requirements\nBody text." });
  });
  it("takes a run's size from its font size scaled by its matrices: text set in 1 pt and scaled up keeps to its line", async () => {
    // 3 pt apart: one line at 12 pt (a raised footnote mark), two lines if read as 1 pt text
    const page = [show("Indicators", 0, 0, "/F1 1 Tf", "12 0 0 12 72 700"), show("1", 0, 0, "/F1 1 Tf", "12 0 0 12 140 703")].join("\n");
    const r = await readPdf(writtenPdf([page]), "w.pdf");
    expect(r).toMatchObject({ ok: true, text: "Indicators 1" });
  });
  it("reads a table whose rules a form XObject draws, placed by the page's and the form's matrices", async () => {
    const grid = "0.5 w 0 0 m 200 0 l 0 20 m 200 20 l 0 40 m 200 40 l S 0 0 m 0 40 l 100 0 m 100 40 l 200 0 m 200 40 l S";
    const cells = [show("Name", 110, 626), show("Value", 210, 626), show("Alpha", 110, 606), show("42", 210, 606), show("The targets", 100, 700)];
    const r = await readPdf(writtenPdf([`q 1 0 0 1 50 300 cm /X0 Do Q\n${cells.join("\n")}`], { forms: [{ matrix: [1, 0, 0, 1, 50, 300], body: grid }] }), "w.pdf");
    expect(r).toMatchObject({ ok: true, text: "The targets\nName\tValue\nAlpha\t42", info: { tables: 1 } });
  });
});

describe("files it cannot read", () => {
  it.each([
    ["encrypted.pdf", /encrypted.pdf: an encrypted PDF that needs a password/],
    ["truncated.pdf", /truncated.pdf: a damaged or truncated PDF/],
    ["scanned.pdf", /scanned.pdf: a PDF without a text layer/],
  ])("refuses %s, saying why", async (file, why) => {
    const r = await readPdf(readBytes(`fixtures/formats/broken/${file}`), file);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r).toMatchObject({ format: "pdf", message: expect.stringMatching(why) });
  });
  it("reads a complete file whose cross-reference offsets are wrong, and refuses one cut short that PDFium could still open", async () => {
    const pages = [show("Page one of the plan.", 72, 700), show("Page two of the plan.", 72, 700)];
    expect(await readPdf(writtenPdf(pages, { shift: 7 }), "shifted.pdf")).toMatchObject({ ok: true, text: "Page one of the plan.Page two of the plan.", info: { pages: 2 } });
    const whole = writtenPdf(pages, { firstTrailer: true });
    expect(await readPdf(whole, "linearized.pdf")).toMatchObject({ ok: true });
    const cut = whole.subarray(0, new TextDecoder().decode(whole).indexOf("Page two") + 4);
    const r = await readPdf(cut, "cut.pdf");
    expect(r).toMatchObject({ ok: false, format: "pdf", message: expect.stringMatching(/^cut.pdf: a damaged or truncated PDF that cannot be read \(.*cut short/) });
  });
  it("refuses bytes that only start like a PDF", async () => {
    const r = await readPdf(new TextEncoder().encode("%PDF-1.7\nnot really"), "fake.pdf");
    expect(r).toMatchObject({ ok: false, format: "pdf", message: expect.stringMatching(/^fake.pdf: a damaged or truncated PDF/) });
  });
});
