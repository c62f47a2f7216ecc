// The mojibake scorer converts one character at a time with converters rebuilt from OpenCC's
// one-character entries: they must answer exactly as OpenCC's own converters for every Han character.
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { characterConverter } from "../../src/clean/mojibake.js";

const han = (): string[] => {
  const out: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) out.push(String.fromCharCode(c));
  for (let c = 0xf900; c <= 0xfaff; c++) out.push(String.fromCharCode(c));
  return out;
};

describe("characterConverter", () => {
  for (const [config, from, to] of [["tw2s", "tw", "cn"], ["s2tw", "cn", "tw"]] as const) {
    it(`${from}→${to} agrees with OpenCC's converter on all ${han().length} Han characters`, () => {
      const full = OpenCC.Converter({ from, to });
      const chars = characterConverter(config, from, to);
      const differing = han().filter((c) => full(c) !== chars(c));
      expect(differing).toEqual([]);
      // and it converts: thousands of characters have another form
      expect(han().filter((c) => chars(c) !== c).length).toBeGreaterThan(3000);
    });
  }
});
