import { describe, expect, it } from "vitest";
import { countyOf } from "../../src/segment/identify.js";
import { parseDate, periodOf, slugOf } from "../../src/segment/meta.js";
import { documentNames } from "../../src/segment/names.js";
import { assignRoles, parseOutline } from "../../src/segment/outline.js";

const lines = (text: string) => text.trim().split("\n").map((t, i) => ({ text: t.trim(), line: i + 1 }));

describe("metadata", () => {
  it("reads dates as printed, including digits whose 年月日 were lost", () => {
    expect(parseDate("2021年12月28日")).toBe("2021-12-28");
    expect(parseDate("2022-08-11")).toBe("2022-08-11");
    expect(parseDate("2022811")).toBe("2022-08-11");
    expect(parseDate("20221231")).toBe("2022-12-31");
    expect(parseDate("2022111")).toBeNull(); // 1/11 or 11/1: ambiguous, not guessed
    expect(parseDate("2022年2月30日")).toBeNull();
  });
  it("takes the county as the last administrative unit before the plan's subject", () => {
    expect(countyOf("杭州市临安区应急管理“十四五”规划")).toBe("临安区");
    expect(countyOf("永嘉县应急管理“十四五”规划")).toBe("永嘉县");
    expect(countyOf("晋江市“十四五”应急体系建设专项规划")).toBe("晋江市");
    expect(countyOf("乐至县十四五应急体系规划")).toBe("乐至县");
    expect(countyOf("峨边彝族自治县“十四五”应急管理规划")).toBe("峨边彝族自治县");
  });
  it("makes slugs from pinyin without the suffix", () => {
    expect(["永嘉县", "临安区", "乐至县", "晋江市", "长沙县"].map(slugOf)).toEqual(["yongjia", "linan", "lezhi", "jinjiang", "changsha"]);
  });
  it("finds the plan's own title, joining one wrapped over two lines, never the notice's", () => {
    const findTitle = (front: ReturnType<typeof lines>) => documentNames(front, front, {})[0]?.name ?? null;
    expect(findTitle(lines("关于印发晋江市“十四五”应急体系建设专项规划的通知\n晋江市“十四五”应急体系建设\n专项规划"))).toBe("晋江市“十四五”应急体系建设专项规划");
    expect(findTitle(lines("各单位：\n《永嘉县应急管理“十四五”规划》已经审议通过，现印发给你们。"))).toBe("永嘉县应急管理“十四五”规划");
  });
  it("reads the period from the text or the five-year plan the title names", () => {
    expect(periodOf("某县“十四五”规划", "")).toEqual({ start: 2021, end: 2025 });
    expect(periodOf("某县规划", "本规划期限为2021-2025年。")).toEqual({ start: 2021, end: 2025 });
    expect(periodOf("某县规划", "")).toBeNull();
  });
});

describe("outline", () => {
  it("assigns roles from titles, and tasks by position between requirements and projects", () => {
    expect(assignRoles(["现状与形势", "总体要求", "构建高效应急管理体系", "把稳安全生产大基本盘", "重点工程", "保障措施"])).toEqual(["background", "requirements", "tasks", "tasks", "projects", "safeguards"]);
  });
  it("renumbers items whose automatic numbering was lost, and notes it", () => {
    const o = parseOutline(lines("一、主要任务\n（一）甲\n1. 健全体制\n正文。\n1. 完善机制\n1. 深化法治"), new Set(), "t.txt");
    expect(o.chapters[0].sections[0].items.map((i) => [i.no, i.title])).toEqual([[1, "健全体制"], [2, "完善机制"], [3, "深化法治"]]);
    expect(o.notes.filter((n) => n.kind === "item-renumbered")).toHaveLength(2);
  });
  it("does not take a stray number or an out-of-sequence heading for a heading", () => {
    const o = parseOutline(lines("一、总体要求\n三、这不是第三章\n（二）缺了（一）\n6.孤立的条目。\n二、主要任务"), new Set(), "t.txt");
    expect(o.chapters.map((c) => c.title)).toEqual(["总体要求", "主要任务"]);
    expect(o.chapters[0].sections).toEqual([]);
    expect(o.chapters[0].items).toEqual([]);
  });
  it("takes a run-in item's title up to the first 。 and keeps the rest as its text", () => {
    const o = parseOutline(lines("一、任务\n1.应急管理机制体制初步构建。深入贯彻实施办法。"), new Set(), "t.txt");
    expect(o.chapters[0].items[0]).toMatchObject({ title: "应急管理机制体制初步构建", text: "深入贯彻实施办法。" });
  });
});
