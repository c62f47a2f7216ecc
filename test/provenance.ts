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
  const record = Object.entries(cleaned.metaLines).filter(([, l]) => on.has(l.line)).map(([k]) => cleaned.meta[k]!);
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
      return pieced(t, `${y}${m}${d}`);
    }
    case "meta docNumber":
      return pieced(t, bare(name.replace(/[〔〕号]/gu, "")));
    case "meta county":
      return t.includes(bare(name.replace(/(?:自治县|县|区|市|旗)$/u, "")));
    case "meta period": {
      const [start, end] = name.split("-");
      return (t.includes(start!) && t.includes(end!)) || /十[三四五]五/u.test(t);
    }
    default:
      return pieced(t, bare(name));
  }
}

/** A file through read and clean, as ingest reads it. */
export async function prepared(bytes: Uint8Array, path: string): Promise<Prepared> {
  const p = await prepare(bytes, path);
  if (!p.ok) throw new Error(p.message);
  return p;
}
