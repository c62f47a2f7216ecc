import { eastAsianWidth } from "get-east-asian-width";
import { describe, expect, it } from "vitest";
import { codePointAt, codePointBefore, codePointCount, displayWidth, isChineseCode, isHanCode, isWide, unitsAt } from "../../src/text/chars.js";

describe("isHanCode", () => {
  it("answers as \\p{Script=Han} for every UTF-16 code unit, its fast ranges included", () => {
    const differing: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (isHanCode(c) !== /\p{Script=Han}/u.test(String.fromCharCode(c))) differing.push(c.toString(16));
    expect(differing).toEqual([]);
  });
  it("counts 〇 and 々 as Han, CJK punctuation and kana not", () => {
    expect(["〇", "々", "应", "㐀", "豈"].map((ch) => isHanCode(ch.charCodeAt(0)))).toEqual([true, true, true, true, true]);
    expect(["，", "。", "あ", "A", "（"].map((ch) => isHanCode(ch.charCodeAt(0)))).toEqual([false, false, false, false, false]);
  });
});

describe("isChineseCode", () => {
  it("is Han, CJK punctuation, full-width forms and the shared punctuation Chinese sets full width", () => {
    for (const ch of ["应", "，", "（", "５", "“", "—", "…", "𠀀"]) expect(isChineseCode(ch.codePointAt(0)!)).toBe(true);
    for (const ch of ["a", "5", ",", "(", "-", "é"]) expect(isChineseCode(ch.codePointAt(0)!)).toBe(false);
    expect(isChineseCode(-1)).toBe(false);
  });
});

describe("widths", () => {
  it("isWide is East Asian Width W or F, plus “ ” ‘ ’ — …", () => {
    for (let c = 0x80; c < 0x10000; c += 7) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      expect(isWide(c)).toBe(eastAsianWidth(c) === 2 || "“”‘’—…".includes(String.fromCharCode(c)));
    }
    expect(isWide(0x20000)).toBe(true);
    expect(isWide(-1)).toBe(false);
  });
  it("displayWidth counts wide characters twice and a surrogate pair as one character", () => {
    expect(displayWidth("应急管理")).toBe(8);
    expect(displayWidth("“十四五”规划，2021年")).toBe(22);
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("𠀀a")).toBe(3);
    expect(displayWidth("\ud800a")).toBe(2);
  });
});

describe("code points", () => {
  it("codePointCount is [...text].length", () => {
    for (const t of ["", "abc", "应急", "𠀀𠀁说", "\ud800x", "x\udc00", "\ud800\ud800\udc00"]) expect(codePointCount(t)).toBe([...t].length);
  });
  it("reads a surrogate pair as one code point, forwards and backwards", () => {
    const t = "a𠀀b";
    expect([codePointAt(t, 0), codePointAt(t, 1), codePointAt(t, 3), codePointAt(t, 4)]).toEqual([0x61, 0x20000, 0x62, -1]);
    expect([codePointBefore(t, 0), codePointBefore(t, 1), codePointBefore(t, 3), codePointBefore(t, 4)]).toEqual([-1, 0x61, 0x20000, 0x62]);
    expect([unitsAt(t, 0), unitsAt(t, 1), unitsAt("\ud800", 0)]).toEqual([1, 2, 1]);
  });
});
