// Indicator tables: every field of every row of the seeds against the hand-checked expectation, and
// table shapes the seeds do not have (HTML rowspan, no caption, merged nature cells).
import { describe, expect, it } from "vitest";
import { clean } from "../../src/clean/index.js";
import { decode } from "../../src/read/decode/index.js";
import type { Indicator, Line } from "../../src/model.js";
import { parseHeader } from "../../src/segment/indicator-header.js";
import { extractIndicators } from "../../src/segment/indicators.js";
import { readBytes, readExpected, seedNames } from "../helpers.js";

/** Compare as the reference scorer does: NFKC, no whitespace, no punctuation. */
const norm = (s: string | null | undefined): string => (s ?? "").normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");
const NATURE: Record<string, string> = { 约束性: "binding", 预期性: "expected" };

function indicatorsOf(prefix: string): Indicator[] {
  const name = seedNames().find((n) => n.startsWith(prefix))!;
  const d = decode(readBytes(`seeds/${name}`), name);
  if (!d.ok) throw new Error(d.message);
  return extractIndicators(clean(d.text, name).lines, name).indicators;
}

describe.each([
  ["yongjia", "003"],
  ["linan", "001"],
  ["lezhi", "002"],
  ["jinjiang", "004"],
])("indicators of %s (%s)", (slug, prefix) => {
  const gold = readExpected(slug).indicators as Array<Record<string, string | number | null>>;
  const out = indicatorsOf(prefix);

  it("has one indicator per table row, in order", () => {
    expect(out.map((i) => `${i.period}/${i.no}`)).toEqual(gold.map((g) => `${g.period}/${g.no}`));
  });

  it.each(gold.map((g, i) => [`${g.period} ${g.no} ${g.name}`, i] as const))("row %s: every field as printed", (_label, i) => {
    const g = gold[i]!;
    const o = out[i]!;
    expect(norm(o.name)).toBe(norm(g.name as string));
    expect(norm(o.category)).toBe(norm(g.category as string | null));
    expect(norm(o.department)).toBe(norm(g.department as string | null));
    expect(norm(o.unit)).toBe(norm(g.unit as string | null));
    expect(norm(o.baseline?.raw)).toBe(norm(g.baseline as string | null));
    expect(norm(o.target?.raw)).toBe(norm(g.target as string | null));
    if ("actual" in g) expect(norm(o.actual?.raw)).toBe(norm(g.actual as string | null));
    expect(o.nature).toBe(g.nature === null ? null : NATURE[g.nature as string]);
    // captions: scorer-equal, except where the annotator restored quotes the page had lost
    expect(norm(o.table).replace(/十[三四]五/g, "")).toBe(norm(g.table as string).replace(/十[三四]五/g, ""));
  });
});

describe("values in their table's context", () => {
  it("reads a bare figure under 降幅 as a decrease", () => {
    const row2 = indicatorsOf("003").find((i) => i.period === "13th" && i.no === 2)!;
    expect(row2.target).toMatchObject({ raw: "44%", value: 44, change: "decrease" });
  });
  it("takes five-year averages from the table's own footnote: （） in 004, 〔〕 in 001", () => {
    const jj = indicatorsOf("004");
    expect(jj.find((i) => i.no === 6)!.target).toMatchObject({ op: "<=", value: 1, fiveYearAverage: true });
    expect(jj.find((i) => i.no === 7)!.target).toMatchObject({ value: 15000, fiveYearAverage: false });
    expect(indicatorsOf("001").filter((i) => i.target?.fiveYearAverage).map((i) => i.no)).toEqual([1, 2, 4, 5, 7, 13, 14]);
  });
});

const lines = (text: string): Line[] => text.split("\n").map((t, i) => ({ text: t, line: i + 1 }));

describe("table shapes the seeds do not have", () => {
  it("reads a saved HTML page's <table> with rowspan cells for category and nature", () => {
    const html = `<html><body><div class="nav">首页 | 政务公开</div>
<p>（三）主要目标</p>
<p>表1 某县“十四五”应急管理主要指标</p>
<table>
<tr><td>序号</td><td>类别</td><td>指标名称</td><td>2020年基数</td><td>2025年目标</td><td>指标属性</td></tr>
<tr><td>1</td><td rowspan="2">安全生产</td><td>生产安全事故死亡人数</td><td>12</td><td>下降15%</td><td rowspan="3">约束性</td></tr>
<tr><td>2</td><td>亿元生产总值生产安全事故死亡率</td><td>0.02</td><td>&lt;0.01</td></tr>
<tr><td>3</td><td>防灾减灾</td><td>年均每百万人口因自然灾害死亡率</td><td>—</td><td>&lt;1</td></tr>
</table>
<p>三、主要任务</p></body></html>`;
    const cleaned = clean(html, "page.html");
    const got = extractIndicators(cleaned.lines, "page.html").indicators;
    expect(got.map((i) => [i.no, i.category, i.name, i.baseline?.raw, i.target?.raw, i.nature])).toEqual([
      [1, "安全生产", "生产安全事故死亡人数", "12", "下降15%", "binding"],
      [2, "安全生产", "亿元生产总值生产安全事故死亡率", "0.02", "<0.01", "binding"],
      [3, "防灾减灾", "年均每百万人口因自然灾害死亡率", "—", "<1", "binding"],
    ]);
    expect(got[0]!.table).toBe("表1某县“十四五”应急管理主要指标");
  });

  it("reads a table without a caption, one cell per line, and stops at the next heading", () => {
    const got = extractIndicators(
      lines("（二）发展目标\n序号\n指标名称\n目标值\n1\n森林火灾受害率\n<0.9‰\n2\n避灾安置场所覆盖率\n100%\n3.主要任务"),
      "t",
    );
    expect(got.indicators.map((i) => [i.table, i.no, i.name, i.target?.raw, i.baseline])).toEqual([
      [null, 1, "森林火灾受害率", "<0.9‰", null],
      [null, 2, "避灾安置场所覆盖率", "100%", null],
    ]);
    expect([...got.consumed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("keeps a row's cells in their columns when its last cell is empty (it was read a column to the left)", () => {
    const got = extractIndicators(lines("主要指标\n序号\t类别\t指标名称\t2025年目标\t属性\t责任单位\n1\t安全生产\t甲指标\t10\t约束性\t县应急局\n2\t安全生产\t乙指标\t20\t预期性\t\n3\t防灾减灾\t丙指标\t30\t预期性\t县水利局"), "t");
    // an empty cell of a column a merged cell can span takes the row above's, as everywhere
    expect(got.indicators.map((i) => [i.no, i.category, i.name, i.target?.raw, i.nature, i.department])).toEqual([
      [1, "安全生产", "甲指标", "10", "binding", "县应急局"],
      [2, "安全生产", "乙指标", "20", "expected", "县应急局"],
      [3, "防灾减灾", "丙指标", "30", "expected", "县水利局"],
    ]);
  });

  it("notes a table whose numbering skips a row", () => {
    const got = extractIndicators(lines("主要指标\n序号\t指标名称\t目标值\n1\t甲指标\t100%\n3\t乙指标\t<5"), "t");
    expect(got.indicators).toHaveLength(2);
    expect(got.notes.some((n) => n.kind === "indicator-rows-missing")).toBe(true);
  });

  it("does not take a project table for an indicator table", () => {
    const got = extractIndicators(lines("附件：重点工程\n序号\t项目名称\t建设内容\t投资（万元）\n1\t应急指挥中心\t建设指挥大厅\t800"), "t");
    expect(got.indicators).toEqual([]);
  });
});

describe("tables that do not number their rows", () => {
  it("reads TAB rows under a header of column words, the figures under bare years; their number is none", () => {
    const got = extractIndicators(
      lines("表2 主要指标\n类别\t指标名称\t单位\t2020年\t2025年\t属性\n安全生产\t生产安全事故死亡人数\t人\t12\t下降15%\t约束性\n\t亿元生产总值生产安全事故死亡率\t人\t0.02\t<0.01\t约束性\n防灾减灾\t年均每百万人口因灾死亡率\t人\t0.9\t<1\t预期性\n三、主要任务"),
      "t",
    );
    expect(got.indicators.map((i) => [i.table, i.no, i.category, i.name, i.unit, i.baseline?.raw, i.target?.raw, i.nature])).toEqual([
      ["表2 主要指标", null, "安全生产", "生产安全事故死亡人数", "人", "12", "下降15%", "binding"],
      ["表2 主要指标", null, "安全生产", "亿元生产总值生产安全事故死亡率", "人", "0.02", "<0.01", "binding"],
      ["表2 主要指标", null, "防灾减灾", "年均每百万人口因灾死亡率", "人", "0.9", "<1", "expected"],
    ]);
    // the second row shares the first one's 类别 cell, printed on the first row's line
    expect(got.indicators.map((i) => i.at.lines)).toEqual([[3], [3, 4], [5]]);
    expect([...got.consumed].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4]);
    expect(got.notes).toEqual([]);
  });

  it("reads a table printed a cell per line by its rows' nature words, a name wrapped over two lines included", () => {
    const got = extractIndicators(lines("（二）主要指标\n指标名称\n2025年目标\n指标属性\n森林火灾受害率\n<0.9‰\n约束性\n年均每百万人口因自然灾害\n死亡率\n<1\n预期性\n二、主要任务"), "t");
    expect(got.indicators.map((i) => [i.no, i.name, i.target?.raw, i.nature, i.at.lines])).toEqual([
      [null, "森林火灾受害率", "<0.9‰", "binding", [5, 6, 7]],
      [null, "年均每百万人口因自然灾害死亡率", "<1", "expected", [8, 9, 10, 11]],
    ]);
    expect([...got.consumed].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("reads figures under bare years in a header printed a cell per line, numbered or not", () => {
    const body = "森林火灾受害率\n0.9‰\n<0.8‰\n约束性\n避灾场所覆盖率\n80%\n100%\n预期性\n二、主要任务";
    const numbered = extractIndicators(lines(`主要指标\n序号\n指标名称\n2020年\n2025年\n属性\n1\n${body.replace("避灾", "2\n避灾")}`), "t").indicators;
    const unnumbered = extractIndicators(lines(`主要指标\n指标名称\n2020年\n2025年\n属性\n${body}`), "t").indicators;
    for (const [got, nos] of [[numbered, [1, 2]], [unnumbered, [null, null]]] as const)
      expect(got.map((i) => [i.no, i.name, i.baseline?.raw, i.target?.raw, i.nature])).toEqual([
        [nos[0], "森林火灾受害率", "0.9‰", "<0.8‰", "binding"],
        [nos[1], "避灾场所覆盖率", "80%", "100%", "expected"],
      ]);
  });

  it("reads past a 备注 column", () => {
    const got = extractIndicators(lines("主要指标\n指标名称\t2020年基数\t2025年目标\t属性\t备注\n甲指标\t5\t10\t约束性\t省考核指标\n乙指标\t8\t20\t预期性\t"), "t");
    expect(got.indicators.map((i) => [i.name, i.baseline?.raw, i.target?.raw, i.nature])).toEqual([
      ["甲指标", "5", "10", "binding"],
      ["乙指标", "8", "20", "expected"],
    ]);
  });

  it("a lead-in above the table is its caption: 主要指标见下表：", () => {
    const got = extractIndicators(lines("主要指标见下表：\n指标\t2025年目标\t属性\n森林火灾受害率\t<0.9‰\t约束性"), "t");
    expect(got.indicators.map((i) => [i.table, i.name, i.target?.raw])).toEqual([["主要指标", "森林火灾受害率", "<0.9‰"]]);
  });

  it("ends at a row without a name, or at another header", () => {
    const got = extractIndicators(lines("指标名称\t2025年目标\t属性\n甲指标\t100%\t预期性\n指标名称\t2025年目标\t属性\n乙指标\t<5\t约束性\n\t\t\n丙\t1\t2"), "t");
    expect(got.indicators.map((i) => i.name)).toEqual(["甲指标", "乙指标"]);
    expect(got.consumed.has(4)).toBe(false);
  });

  it("takes no table whose header lacks an indicator name, a figure, or a word it knows", () => {
    for (const text of [
      // a project table
      "项目名称\t建设内容\t投资（万元）\n应急指挥中心\t建设指挥大厅\t800",
      // names without figures: a list of duties
      "指标名称\t牵头单位\t属性\n甲指标\t区应急管理局\t约束性",
      // a column the vocabulary does not know
      "指标名称\t数据来源\t2025年目标\n甲指标\t统计年鉴\t100%",
      // a statistics table by year
      "年份\t事故起数\t死亡人数\n2019年\t4\t3",
      // figures of years past under an indicator column: statistics, not targets
      "指标\t2019年\t2020年\n事故起数\t4\t3",
      "指标\t2016年\t2018年\t2020年\n事故起数\t5\t4\t3",
      // one cell per line, unnumbered, without a nature column to end each row
      "指标名称\n目标值\n森林火灾受害率\n<0.9‰",
      // one cell per line whose rows give no figure
      "指标名称\n2025年目标\n指标属性\n森林火灾受害率\n约束性",
      // one cell per line with a column after the nature, whose rows the nature word cannot end
      "指标名称\n2025年目标\n属性\n备注\n森林火灾受害率\n<0.8‰\n约束性\n新增",
    ])
      expect(extractIndicators(lines(text), "t").indicators, text).toEqual([]);
  });
});

describe("parseHeader", () => {
  it.each([
    ["序号\t类别\t指标名称\t2025年目标\t指标属性", ["no", "category", "name", "target", "nature"]],
    ["序号\n指标内容\n2020\n基数\n2025\n目标\n指标\n属性", ["no", "name", "baseline", "target", "nature"]],
    ["序\n号\n类\n别\n指标名称 2020年基数 2025年目标 指标性质 责任部门", ["no", "category", "name", "baseline", "target", "nature", "department"]],
    ["2020年目标\n分类 序号 指标名称 单位 2015年基数\n指标值 降幅\n完成情况", ["category", "no", "name", "unit", "baseline", "target", "target", "actual"]],
  ])("%j", (text, kinds) => {
    expect(parseHeader(text).map((c) => c.kind)).toEqual(kinds);
  });
});
