// clean/opencc.ts builds its conversions from opencc-js's internals: they must be in use (an upgrade
// that changed what they read makes the code fall back to OpenCC's converter, silently slower, and
// fails here) and must answer exactly as OpenCC's own converters.
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { characterConverter, openccInternalsInUse, toSimplified } from "../../src/clean/opencc.js";
import { decode } from "../../src/read/decode/index.js";
import { readBytes, seedNames } from "../helpers.js";

describe("opencc-js internals", () => {
  it("are what clean/opencc.ts reads (Locale.configs presets t2s, tw2s, s2tw; Trie): nothing fell back", () => {
    expect(openccInternalsInUse()).toEqual({ wholeText: true, oneCharacter: true });
  });
});

describe("toSimplified", () => {
  const reference = OpenCC.Converter({ from: "t", to: "cn" });

  it.each(seedNames())("converts %s as OpenCC does", (name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    expect(toSimplified(d.text)).toBe(reference(d.text));
  });

  it("handles phrases, description sequences, characters beyond the BMP and lone surrogates as OpenCC does", () => {
    const samples = [
      "著作權法規定，頭髮乾燥，乾隆年間，於臺灣發電。",
      "⿰氵⿱亠口 ⿲木木木 ⿵冂一 ⿰",
      "𠀀𠀁說話 \ud800 這個\udc00們",
      "简体文字不变：应急管理规划。",
      "",
    ];
    for (const s of samples) expect(toSimplified(s)).toBe(reference(s));
  });
});

describe("characterConverter", () => {
  const han = (): string[] => {
    const out: string[] = [];
    for (let c = 0x3400; c <= 0x9fff; c++) out.push(String.fromCharCode(c));
    for (let c = 0xf900; c <= 0xfaff; c++) out.push(String.fromCharCode(c));
    return out;
  };
  for (const [preset, from, to] of [["tw2s", "tw", "cn"], ["s2tw", "cn", "tw"]] as const) {
    it(`${from}→${to} agrees with OpenCC's converter on all ${han().length} Han characters`, () => {
      const full = OpenCC.Converter({ from, to });
      const chars = characterConverter(preset);
      const differing = han().filter((c) => full(c) !== chars(c));
      expect(differing).toEqual([]);
      // and it converts: thousands of characters have another form
      expect(han().filter((c) => chars(c) !== c).length).toBeGreaterThan(3000);
    });
  }
});
