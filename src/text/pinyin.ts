// The pinyin of Chinese text, one reading per character (pinyin-pro's, toneless, ü written v), for
// the slugs of place names. pinyin-pro is loaded at the first call, from its one-file CommonJS build
// (the same readings as its ES modules, which are some forty files and cost more to load): a parse
// worker pays for it with the first document that names its place, one that reads only files without
// one (a scan, a damaged file) not at all.
import { createRequire } from "node:module";
import type { pinyin as PinyinPro } from "pinyin-pro";

let pinyin: typeof PinyinPro | null = null;

/** The readings of a text's characters, in order; a character without one is kept as it is. */
export function readingsOf(text: string): string[] {
  pinyin ??= (createRequire(import.meta.url)("pinyin-pro") as { pinyin: typeof PinyinPro }).pinyin;
  return pinyin(text, { toneType: "none", type: "array", v: true });
}
