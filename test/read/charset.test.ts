// decode/charset.ts stands in for jschardet.detect and must answer as it does, wherever the answer
// can name GB18030 or Big5, and give its single-byte group's confidence to the bit.
import { createRequire } from "node:module";
import iconv from "iconv-lite";
import jschardet from "jschardet";
import { describe, expect, it } from "vitest";
import { chineseGuess, singleByteConfidence } from "../../src/read/decode/charset.js";
import { readBytes, seedNames } from "../helpers.js";

const require = createRequire(import.meta.url);
const SBCSGroupProber = require("jschardet/src/sbcsgroupprober.js");

const chinese = (name: string | null | undefined) => (name === "GB2312" || name === "Big5" ? name : null);

const TEXTS: Array<[string, string]> = [
  ["Съешь же ещё этих мягких французских булок, да выпей чаю.", "windows-1251"],
  ["Съешь же ещё этих мягких французских булок, да выпей чаю.", "koi8-r"],
  ["Καλημέρα κόσμε, αυτό είναι ελληνικό κείμενο.", "iso-8859-7"],
  ["שלום עולם זהו טקסט בעברית עם אותיות סופיות", "windows-1255"],
  ["สวัสดีชาวโลก นี่คือข้อความภาษาไทย", "tis-620"],
  ["Árvíztűrő tükörfúrógép, magyar szöveg.", "windows-1250"],
  ["Café déjà vu, naïve façade, crème brûlée.", "latin1"],
  ["应急管理规划，安全生产责任制。", "gbk"],
  ["應急管理規劃，安全生產責任制。", "big5"],
];

function samples(): Buffer[] {
  const out: Buffer[] = seedNames().map((n) => Buffer.from(readBytes(`seeds/${n}`).subarray(0, 65536)));
  for (const [text, enc] of TEXTS) for (const n of [1, 5, 60]) out.push(iconv.encode(text.repeat(n), enc));
  // Chinese with a foreign passage: the groups compete
  for (const [text, enc] of TEXTS.slice(0, 7)) {
    out.push(Buffer.concat([iconv.encode(TEXTS[7][0].repeat(20), "gbk"), iconv.encode(text.repeat(40), enc)]));
    out.push(Buffer.concat([iconv.encode(TEXTS[8][0].repeat(3), "big5"), iconv.encode(text.repeat(10), enc)]));
  }
  return out;
}

describe("chineseGuess", () => {
  it("answers GB2312 or Big5 exactly when jschardet.detect does", () => {
    for (const b of samples()) expect(chinese(chineseGuess(b))).toBe(chinese(jschardet.detect(b).encoding));
  });

  it("counts the single-byte probers to the same confidence as jschardet's group", () => {
    for (const b of samples()) {
      if (!b.some((x) => x >= 0x80)) continue;
      const group = new SBCSGroupProber();
      group.feed(b.toString("binary"));
      expect(singleByteConfidence(b)).toBe(group.getConfidence());
    }
  });
});
