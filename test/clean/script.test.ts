// script.ts converts with OpenCC's own tries but steps over characters that start no entry itself:
// its output must be OpenCC's converter's, character for character.
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { decode } from "../../src/read/decode/index.js";
import { convertToSimplified, scriptOfLines } from "../../src/clean/script.js";
import { toLines } from "../../src/clean/step.js";
import { readBytes, seedNames } from "../helpers.js";

const reference = OpenCC.Converter({ from: "t", to: "cn" });

describe("convertToSimplified", () => {
  it.each(seedNames())("converts %s as OpenCC does", (name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    expect(convertToSimplified(d.text)).toBe(reference(d.text));
  });

  it("handles phrases, description sequences, characters beyond the BMP and lone surrogates as OpenCC does", () => {
    const samples = [
      "著作權法規定，頭髮乾燥，乾隆年間，於臺灣發電。",
      "⿰氵⿱亠口 ⿲木木木 ⿵冂一 ⿰",
      "𠀀𠀁說話 \ud800 這個\udc00們",
      "简体文字不变：应急管理规划。",
      "",
    ];
    for (const s of samples) expect(convertToSimplified(s)).toBe(reference(s));
  });

  it.each(seedNames())("judges %s's script and converts its lines as the separate steps do", (name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    const texts = toLines(d.text).map((l) => l.text);
    const { script, simplified } = scriptOfLines(texts);
    if (script === "simplified") expect(simplified).toBeNull();
    else {
      expect(simplified).not.toBeNull();
      expect(simplified).toEqual(texts.map(convertToSimplified));
    }
  });

  it("converts lines one by one where the whole text would not split back into them", () => {
    const texts = ["著作權⿰", "頭髮", "乾燥\n說話"];
    const { script, simplified } = scriptOfLines(texts);
    expect(script).toBe("traditional");
    expect(simplified).toBeNull();
  });
});
