// The PDF reader on LibreOffice's PDFs of the seed plans (fixtures/formats) and on broken files, and
// its pieces on positions made up to show one thing each.
import { describe, expect, it } from "vitest";
import { readPdf } from "../../src/read/pdf/reader.js";
import { furniture, isPageNumber } from "../../src/read/pdf/furniture.js";
import { frames, readTable } from "../../src/read/pdf/grid.js";
import { toLines, type Run } from "../../src/read/pdf/lines.js";
import type { Read } from "../../src/read/result.js";
import { readBytes } from "../helpers.js";

const ok = async (file: string): Promise<Read> => {
  const r = await readPdf(readBytes(`fixtures/formats/${file}`), file);
  if (!r.ok) throw new Error(r.message);
  return r;
};
const run = (text: string, x: number, y: number, size = 10): Run => ({ text, x, y, width: [...text].length * size, size });

describe("lines from positions", () => {
  it("groups runs by baseline, reads them left to right, and spaces only wide gaps", () => {
    const lines = toLines([run("总体要求", 50, 700), run("二、", 30, 700), run("永嘉县人民政府办公室", 30, 680), run("2021年12月29日印发", 250, 680), run("GDP", 30, 660), run("2021", 62, 660)]);
    expect(lines.map((l) => l.text)).toEqual(["二、总体要求", "永嘉县人民政府办公室 2021年12月29日印发", "GDP 2021"]);
  });
  it("drops the typesetter's gap between Chinese and digits but keeps a table number's", () => {
    expect(toLines([run("截止2020 年底", 0, 0), run("1 晋江市核心指标", 0, -20)]).map((l) => l.text)).toEqual(["截止2020年底", "1 晋江市核心指标"]);
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
  it("refuses bytes that only start like a PDF", async () => {
    const r = await readPdf(new TextEncoder().encode("%PDF-1.7\nnot really"), "fake.pdf");
    expect(r).toMatchObject({ ok: false, format: "pdf", message: expect.stringMatching(/^fake.pdf: a damaged or truncated PDF/) });
  });
});
