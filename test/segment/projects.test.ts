// Project tables (segment/projects.ts) in the shapes the seeds do not have: a table that does not
// number its rows. (The seeds' own tables are scored field by field in test/dataset/accuracy.test.ts.)
import { describe, expect, it } from "vitest";
import type { Line } from "../../src/model.js";
import { extractProjectTables } from "../../src/segment/projects.js";

const lines = (text: string): Line[] => text.split("\n").map((t, i) => ({ text: t, line: i + 1 }));
const rowsOf = (text: string) => extractProjectTables(lines(text), new Set(), "t").projects.map((p) => [p.no, p.name, p.description, p.years, p.investment, p.investmentUnit, p.lead, p.at.lines]);

describe("project tables", () => {
  it("reads numbered TAB rows", () => {
    expect(rowsOf("附件：重点工程\n序号\t项目名称\t建设内容\t建设年限\t投资（万元）\n1\t应急指挥中心\t建设指挥大厅\t2021-2023\t800\n2\t物资储备库\t新建仓库\t2022-2025\t1200")).toEqual([
      [1, "应急指挥中心", "建设指挥大厅", "2021-2023", 800, "万元", null, [3]],
      [2, "物资储备库", "新建仓库", "2022-2025", 1200, "万元", null, [4]],
    ]);
  });

  it("reads TAB rows a table does not number, to the next line that is not one; their number is none", () => {
    const text = "附件：重点工程\n项目名称\t建设内容\t建设年限\t投资（亿元）\t牵头单位\n应急指挥中心\t建设指挥大厅\t2021-2023\t0.8\t县应急管理局\n物资储备库\t新建仓库\t2022-2025\t1.2\t\n抄送：县委办";
    expect(rowsOf(text)).toEqual([
      [null, "应急指挥中心", "建设指挥大厅", "2021-2023", 0.8, "亿元", "县应急管理局", [3]],
      [null, "物资储备库", "新建仓库", "2022-2025", 1.2, "亿元", null, [4]],
    ]);
    expect([...extractProjectTables(lines(text), new Set(), "t").consumed].sort()).toEqual([1, 2, 3]);
  });

  it("a repeated header (a table continued on the next page) starts its rows again", () => {
    const got = rowsOf("项目名称\t建设年限\t投资（万元）\n甲工程\t2021\t10\n项目名称\t建设年限\t投资（万元）\n乙工程\t2022\t20");
    expect(got.map((r) => r[1])).toEqual(["甲工程", "乙工程"]);
  });

  it("takes no unnumbered table that does not say 项目名称 or 工程名称, or gives no years or investment", () => {
    for (const text of [
      "任务名称\t主要内容\t完成时间\n完善预案\t修订总体预案\t2022年",
      "项目名称\t牵头单位\t实施单位\n应急指挥中心\t县应急管理局\t县发改局",
      "项目名称\t投资（万元）\n应急指挥中心\t800",
    ])
      expect(rowsOf(text), text).toEqual([]);
  });
});
