// script.ts judges a text's script on the conversion of the text whole and converts its lines from
// that same conversion where it splits back into them.
import { describe, expect, it } from "vitest";
import { decode } from "../../src/read/decode/index.js";
import { toSimplified } from "../../src/clean/opencc.js";
import { scriptOfLines } from "../../src/clean/script.js";
import { toLines } from "../../src/clean/step.js";
import { readBytes, seedNames } from "../helpers.js";

describe("scriptOfLines", () => {
  it.each(seedNames())("judges %s's script and converts its lines as the separate steps do", (name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    const texts = toLines(d.text).map((l) => l.text);
    const { script, simplified } = scriptOfLines(texts);
    if (script === "simplified") expect(simplified).toBeNull();
    else {
      expect(simplified).not.toBeNull();
      expect(simplified).toEqual(texts.map(toSimplified));
    }
  });

  it("converts lines one by one where the whole text would not split back into them", () => {
    const texts = ["著作權⿰", "頭髮", "乾燥\n說話"];
    const { script, simplified } = scriptOfLines(texts);
    expect(script).toBe("traditional");
    expect(simplified).toBeNull();
  });
});
