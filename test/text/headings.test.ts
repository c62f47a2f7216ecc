import { describe, expect, it } from "vitest";
import { BOX_RE, CHAPTER_RE, chineseNumber, ITEM_RE, MARKER, OPENS_HEADING, SECTION_RE, TOC_HEADING } from "../../src/text/headings.js";

describe("the heading grammar", () => {
  it("reads Chinese numerals", () => {
    expect(["一", "十", "十二", "二十", "二十三", "二二", "百"].map(chineseNumber)).toEqual([1, 10, 12, 20, 23, null, null]);
  });
  it("knows what opens a heading or an item, and a decimal is no item", () => {
    for (const t of ["一、总体要求", "（二）指导思想", "(三)基本原则", "1.健全体制", "2、完善机制", "专栏1 重点工程", "——总体目标", "附件：项目表"]) expect(MARKER.test(t)).toBe(true);
    for (const t of ["1.5倍", "第一章 总则", "一是加强领导", "（2021-2025年）"]) expect(MARKER.test(t)).toBe(false);
    expect(OPENS_HEADING.test("第一章 总则")).toBe(true);
    expect(TOC_HEADING.test("第二节 主要任务")).toBe(true);
    expect(TOC_HEADING.test("1.健全体制")).toBe(false);
  });
  it("takes a heading apart: numeral and title", () => {
    expect(CHAPTER_RE.exec("三、 主要任务")?.slice(1)).toEqual(["三", "主要任务"]);
    expect(SECTION_RE.exec("（十二）强化保障")?.slice(1)).toEqual(["十二", "强化保障"]);
    expect(ITEM_RE.exec("1.2035年远景目标")?.slice(1)).toEqual(["1", "2035年远景目标"]);
    expect(ITEM_RE.exec("1.5倍")).toBeNull();
    expect(BOX_RE.exec("专栏 3：应急能力提升工程")?.slice(1)).toEqual(["3", "应急能力提升工程"]);
  });
});
