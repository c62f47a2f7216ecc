// What a character is and how many a string holds: the one answer to "is this Han", "is this
// Chinese punctuation", "how wide is this" and "how many characters". The hot loops (decoding
// scores, the mojibake scorer) ask by UTF-16 code unit, so each test has a code-unit form, answered
// from a table filled as characters are met.
import { eastAsianWidth } from "get-east-asian-width";

/** Han characters, as Unicode's Script=Han has them: the ideographs of every CJK block, 〇, 々 and
 *  the radicals. A class for a regular expression with the "u" flag: `[${HAN}]`. */
export const HAN = "\\p{Script=Han}";
const HAN_RE = /\p{Script=Han}/u;

/** CJK symbols and punctuation (U+3000–303F) and the full-width forms (U+FF00–FFEF). */
const CJK_PUNCTUATION = "\\u3000-\\u303f\\uff00-\\uffef";
/** Punctuation Chinese text shares with Western text and sets full width: “ ” ‘ ’ — …. */
const SHARED_PUNCTUATION = "“”‘’—…";

/** Chinese text for the rules of punctuation and spacing: Han characters, CJK punctuation and the
 *  full-width forms, and the shared punctuation set full width. A regular-expression class. */
export const CHINESE = `${HAN}${CJK_PUNCTUATION}${SHARED_PUNCTUATION}`;

// per BMP code unit: 0 not known yet, 1 no, 2 yes
const hanUnits = new Uint8Array(0x10000);
const wideUnits = new Uint8Array(0x10000);
const SHARED_UNITS = new Set([...SHARED_PUNCTUATION].map((ch) => ch.charCodeAt(0)));

/** Whether a UTF-16 code unit is a Han character by itself (a surrogate never is). The ranges
 *  tested first are all of Script=Han or none of it (test/text/chars.test.ts checks every unit). */
export function isHanCode(c: number): boolean {
  if (c >= 0x4e00 && c <= 0x9fff) return true; // CJK Unified Ideographs, where nearly all Han text is
  if (c < 0x2e80) return false;
  let v = hanUnits[c];
  if (v === 0) v = hanUnits[c] = HAN_RE.test(String.fromCharCode(c)) ? 2 : 1;
  return v === 2;
}

/** Whether a code unit is CJK punctuation or a full-width form (U+3000–303F, U+FF00–FFEF). */
export const isCjkPunctuationCode = (c: number): boolean => (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef);

/** Whether a code point is Chinese text as CHINESE has it (-1, for none, is not). */
export function isChineseCode(c: number): boolean {
  if (c < 0) return false;
  if (isCjkPunctuationCode(c) || SHARED_UNITS.has(c)) return true;
  return c < 0x10000 ? isHanCode(c) : HAN_RE.test(String.fromCodePoint(c));
}

/** Whether a code point is printed two columns wide: East Asian Width W or F, or the shared
 *  punctuation Chinese sets full width (Unicode calls its width ambiguous). */
export function isWide(cp: number): boolean {
  if (cp < 0x80) return false;
  if (cp >= 0x10000) return eastAsianWidth(cp) === 2;
  let v = wideUnits[cp];
  if (v === 0) v = wideUnits[cp] = SHARED_UNITS.has(cp) || eastAsianWidth(cp) === 2 ? 2 : 1;
  return v === 2;
}

/** The code point at text[i], a surrogate pair read as one; -1 past the end. */
export function codePointAt(text: string, i: number): number {
  if (i >= text.length || i < 0) return -1;
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return c;
}

/** The code point that ends just before text[i], a surrogate pair read as one; -1 at the start. */
export function codePointBefore(text: string, i: number): number {
  if (i <= 0 || i > text.length) return -1;
  const d = text.charCodeAt(i - 1);
  if (d >= 0xdc00 && d <= 0xdfff && i >= 2) {
    const c = text.charCodeAt(i - 2);
    if (c >= 0xd800 && c <= 0xdbff) return (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
  }
  return d;
}

/** How many code units the character at text[i] takes: 2 for a surrogate pair, else 1. */
export function unitsAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= text.length) return 1;
  const d = text.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff ? 2 : 1;
}

/** [...text].length without building the array: the characters, a surrogate pair counted once. */
export function codePointCount(text: string): number {
  let n = text.length;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** codePointCount(text) <= n, counting only when the code units alone do not settle it. */
export const atMostCodePoints = (text: string, n: number): boolean => text.length <= n || codePointCount(text) <= n;

/** Display width: wide characters take two columns, as on the printed page. */
export function displayWidth(text: string): number {
  let w = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdbff && unitsAt(text, i) === 2) {
      // one character in two code units, counted once, then as wide as it is
      w--;
      if (isWide(codePointAt(text, i))) w++;
      i++;
    } else if (isWide(c)) w++;
  }
  return w;
}
