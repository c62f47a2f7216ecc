// What a fact's `at` must let a reader find: its name (or value, as the source prints it) in the
// text standing on its lines, after the same cleaning the fact's text went through — the whole
// file's cleaning, as clean's lines keep the input lines they came from.
import type { Cleaned } from "../src/clean/index.js";
import type { At } from "../src/model.js";
import { prepare, type Prepared } from "../src/pipeline.js";

/** Compared without spacing, punctuation, symbols and width. */
export const bare = (t: string): string => t.normalize("NFKC").replace(/[\s\p{P}\p{S}]/gu, "");

/** Is `name` made of pieces found in `text` one after another (a name wrapped over table lines,
 *  between other cells' pieces)? */
export function pieced(text: string, name: string): boolean {
  let rest = name;
  let from = 0;
  while (rest.length > 0) {
    let k = rest.length;
    while (k > 0 && text.indexOf(rest.slice(0, k), from) < 0) k--;
    if (k === 0) return false;
    from = text.indexOf(rest.slice(0, k), from) + k;
    rest = rest.slice(k);
  }
  return true;
}

/** The clean text standing on a fact's lines: the clean lines that stand for any of them, and the
 *  web record's values read from them. */
export function cleanTextAt(cleaned: Cleaned, at: At): string {
  const on = new Set(at.lines);
  const stands = (line: number, end: number) => {
    for (let n = line; n <= end; n++) if (on.has(n)) return true;
    return false;
  };
  const lines = cleaned.lines.filter((l) => stands(l.line, l.end ?? l.line)).map((l) => l.text);
  const record = Object.entries(cleaned.metaLines).filter(([, l]) => stands(l.line, l.end ?? l.line)).map(([k]) => cleaned.meta[k]!);
  return [...lines, ...record].join("\n");
}

/** Does the text at a fact's lines print it? A metadata value is looked for as a source prints it:
 *  a date's figures, a 文号 without the brackets put back, a county by its name, a period by its
 *  years or the five-year plan that names it. */
export function prints(text: string, kind: string, name: string): boolean {
  const t = bare(text);
  switch (kind) {
    case "meta issuedDate": {
      const [y, m, d] = name.split("-").map(Number);
      return pieced(withDigits(t), `${y}${m}${d}`);
    }
    case "meta docNumber":
      return pieced(t, bare(name.replace(/[〔〕号]/gu, "")));
    case "meta county":
      // a prefecture may be named short (黔东南州 for 黔东南苗族侗族自治州)
      return t.includes(bare(name.replace(/(?:自治县|县|区|市|旗)$/u, "")).slice(0, 3));
    case "meta period": {
      const [start, end] = name.split("-");
      return (t.includes(start!) && t.includes(end!)) || /十[三四五]五/u.test(t);
    }
    default:
      return pieced(t, bare(name));
  }
}

const CN_DIGITS: Record<string, string> = { 〇: "0", 零: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
/** A date printed in Chinese numerals (二〇二二年五月十六日) in figures (2022年5月16日). */
function withDigits(t: string): string {
  const count = (n: string) => (n.startsWith("十") ? "1" : "") + [...n].map((c) => (c === "十" ? "" : CN_DIGITS[c])).join("") + (n.endsWith("十") ? "0" : "");
  return t.replace(/([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日/gu, (_, y: string, m: string, d: string) => `${[...y].map((c) => CN_DIGITS[c]).join("")}年${count(m)}月${count(d)}日`);
}

/** A file through read and clean, as ingest reads it. */
export async function prepared(bytes: Uint8Array, path: string): Promise<Prepared> {
  const p = await prepare(bytes, path);
  if (!p.ok) throw new Error(p.message);
  return p;
}
