// Tables without a grid, read from the text's positions: on positions made up to show one thing each,
// and on the fixtures whose indicator tables have three rules, rules between rows, or none.
import { describe, expect, it } from "vitest";
import { alignedTables } from "../../src/read/pdf/aligned.js";
import { readTable } from "../../src/read/pdf/grid.js";
import type { Run } from "../../src/read/pdf/lines.js";
import { readPdf } from "../../src/read/pdf/reader.js";
import { readBytes } from "../helpers.js";

const run = (text: string, x: number, y: number, size = 10): Run => ({ text, x, y, width: [...text].length * size, size });
const read = (runs: Run[], rules: Parameters<typeof alignedTables>[1] = []) => alignedTables(runs, rules).map((t) => readTable(t.frame, t.runs).rows);

/** Columns at x 0 (序号), 40 (类别), 120 (指标名称), 320 (目标值), 400 (属性); cells centred. */
const row = (y: number, no: string, name: string, target: string, nature: string) => [run(no, 3, y), run(name, 120, y), run(target, 320, y), run(nature, 400, y)];
const header = (y: number) => [run("序号", 0, y), run("类别", 40, y), run("指标名称", 120, y), run("目标值", 320, y), run("属性", 400, y)];

describe("a borderless table", () => {
  const runs = [
    run("主要指标", 150, 320),
    ...header(300),
    ...row(280, "1", "甲指标", "10%", "约束性"),
    // a name wrapped onto two lines, the row's other cells centred between them
    run("很长的指标名称第一行", 120, 262.5),
    ...row(255, "2", "", "20%", "预期性").filter((r) => r.text !== ""),
    run("第二行", 120, 247.5),
    ...row(230, "3", "丙指标", "30%", "预期性"),
    ...row(215, "4", "丁指标", "40%", "约束性"),
    ...row(200, "5", "戊指标", "50%", "约束性"),
    // merged categories printed once, centred over rows 1–3 (on row 2's line) and rows 4–5 (between them)
    run("安全生产", 40, 255),
    run("应急救援", 40, 207.5),
    run("注：带〔〕指标为五年平均数，其余为期末达到数。", 0, 180),
  ];
  it("is read row by row, a wrapped cell joined and a merged cell given to every row it spans", () => {
    expect(read(runs)).toEqual([
      [
        ["序号", "类别", "指标名称", "目标值", "属性"],
        ["1", "安全生产", "甲指标", "10%", "约束性"],
        ["2", "安全生产", "很长的指标名称第一行第二行", "20%", "预期性"],
        ["3", "安全生产", "丙指标", "30%", "预期性"],
        ["4", "应急救援", "丁指标", "40%", "约束性"],
        ["5", "应急救援", "戊指标", "50%", "约束性"],
      ],
    ]);
  });
  it("takes neither its caption nor the note under it", () => {
    const [t] = alignedTables(runs, []);
    expect(t.runs.map((r) => r.text)).not.toContain("主要指标");
    expect(t.runs.map((r) => r.text).join("")).not.toContain("注：");
  });
  it("keeps its rows where rules are drawn between them (the rules' gaps mark merged cells)", () => {
    const H = (y: number, x1 = -2, x2 = 432) => ({ x1, y1: y, x2, y2: y });
    const rules = [H(312), H(292), H(272), H(240), H(225), H(210, -2, 38), H(210, 118, 432), H(192)];
    // rows 1–3's category rules left out where 安全生产 spans them
    const ruled = [H(312), H(292), H(272, -2, 38), H(272, 118, 432), H(240, -2, 38), H(240, 118, 432), H(225), H(210, -2, 38), H(210, 118, 432), H(192)];
    expect(read(runs, ruled)).toEqual(read(runs));
    expect(read(runs, rules)[0][3]).toEqual(["3", "", "丙指标", "30%", "预期性"]);
    // 安全生产's rules say it spans rows 2 and 3 only, though it is printed on row 2's line
    const twoRows = [H(312), H(292), H(272), H(240, -2, 38), H(240, 118, 432), H(225), H(210, -2, 38), H(210, 118, 432), H(192)];
    expect(read(runs, twoRows)[0].slice(1, 4).map((r) => r[1])).toEqual(["", "安全生产", "安全生产"]);
  });
});

describe("a borderless table whose cells hang from their top", () => {
  it("gives a wrapped cell's lower line to the row whose number stands beside its first", () => {
    const head = header(300).filter((r) => r.text !== "类别");
    const runs = [...head, ...row(280, "1", "很长的指标名称第一行", "10%", "约束性"), run("第二行", 120, 265), ...row(250, "2", "乙指标", "20%", "预期性"), ...row(235, "3", "丙指标", "30%", "预期性"), run("三、主要任务", 0, 200)];
    expect(read(runs)).toEqual([
      [
        ["序号", "指标名称", "目标值", "属性"],
        ["1", "很长的指标名称第一行第二行", "10%", "约束性"],
        ["2", "乙指标", "20%", "预期性"],
        ["3", "丙指标", "30%", "预期性"],
      ],
    ]);
  });
});

describe("prose is never a table", () => {
  const text = "应急管理是国家治理体系和治理能力的重要组成部分承担防范化解重大安全风险";
  it("two columns of justified text", () => {
    const runs = Array.from({ length: 12 }, (_, i) => [run(text.slice(0, 18), 0, 700 - 15 * i), run(text.slice(18, 36), 200, 700 - 15 * i)]).flat();
    expect(alignedTables(runs, [])).toEqual([]);
  });
  it("three columns of text, aligned but with no header naming columns", () => {
    const runs = Array.from({ length: 12 }, (_, i) => [run(text.slice(0, 12), 0, 700 - 15 * i), run(text.slice(12, 24), 140, 700 - 15 * i), run(text.slice(24, 36), 280, 700 - 15 * i)]).flat();
    expect(alignedTables(runs, [])).toEqual([]);
  });
  it("a list of numbered items, each with a figure set apart", () => {
    const runs = Array.from({ length: 8 }, (_, i) => [run(`${i + 1}.`, 0, 700 - 15 * i), run("建设应急物资储备库项目", 30, 700 - 15 * i), run(`${(i + 1) * 100}万元`, 300, 700 - 15 * i)]).flat();
    expect(alignedTables(runs, [])).toEqual([]);
  });
  it("a line of prose between the rows of what looks like a table ends it", () => {
    const runs = [...header(300), ...row(280, "1", "甲指标", "10%", "约束性"), run(text + text.slice(0, 8), 0, 265), ...row(250, "2", "乙指标", "20%", "预期性"), ...row(235, "3", "丙指标", "30%", "预期性")];
    expect(read(runs)).toEqual([]);
  });
});

describe("fixtures", () => {
  const tableOf = async (file: string) => {
    const r = await readPdf(readBytes(`fixtures/formats/${file}`), file);
    if (!r.ok) throw new Error(r.message);
    const lines = r.text.split("\n");
    const first = lines.findIndex((l) => l.includes("\t"));
    let end = first;
    while (end < lines.length && lines[end].includes("\t")) end++;
    return { info: r.info, rows: lines.slice(first, end).map((l) => l.split("\t")) };
  };
  it("乐至, no rules: the indicator table, its header repeated on the next page read once", async () => {
    const t = await tableOf("lezhi-borderless.pdf");
    expect(t.info.tables).toBe(1);
    expect(t.rows[0]).toEqual(["序号", "指标名称", "预期值", "指标属性"]);
    expect(t.rows.map((r) => r[0])).toEqual(["序号", "1", "2", "3", "4", "5", "6"]);
  });
  it("临安, rules between rows: merged 类别 cells given to every row, a wrapped name joined", async () => {
    const t = await tableOf("linan-rules.pdf");
    expect(t.info.tables).toBe(1);
    expect(t.rows).toHaveLength(15);
    expect(t.rows.map((r) => r[1]).slice(1)).toEqual([...Array(7).fill("安全生产"), ...Array(3).fill("应急救援"), ...Array(4).fill("防灾减灾救灾")]);
    expect(t.rows[4]).toEqual(["4", "安全生产", "工矿商贸就业人员十万人生产安全事故死亡率", "下降〔25%〕", "约束性"]);
  });
  it("晋江, three rules: two-line header cells and a wrapped name; the appendix's tall rows over three pages", async () => {
    const t = await tableOf("jinjiang-three-line.pdf");
    expect(t.info.tables).toBe(2);
    expect(t.rows[0]).toEqual(["序号", "指标内容", "2020基数", "2025目标", "指标属性"]);
    expect(t.rows[5]).toEqual(["5", "年均因自然灾害直接经济损失占全省地区生产总值的比例", "", "≤(1%)", "预期性"]);
  });
  it("the prose pages of the gridded PDFs give no table of their own", async () => {
    for (const [file, tables] of [["linan.pdf", 1], ["lezhi.pdf", 1], ["yongjia.pdf", 2], ["jinjiang.pdf", 2]] as const) {
      const r = await readPdf(readBytes(`fixtures/formats/${file}`), file);
      expect(r.ok && r.info?.tables, file).toBe(tables);
    }
  });
});
