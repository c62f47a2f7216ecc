// Width and punctuation normalization. NFKC folds full-width digits and letters and odd spaces, but it
// would also turn Chinese punctuation into ASCII, so that punctuation is protected; ASCII punctuation
// standing in Chinese text is then made full-width, as the design's output contract requires.
import { CHINESE, codePointAt, codePointCount, HAN, isChineseCode } from "../text/chars.js";
import { counted, note, type CleanStep, type StepResult } from "./step.js";

/** Characters NFKC must leave alone: Chinese punctuation whose compatibility form is ASCII. */
const PROTECTED = new Set([..."，。：；！？（）［］｛｝〔〕【】《》〈〉「」『』“”‘’、…‥—～﹏％＜＞＝＋"]);

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200d\u2060\ufeff]/g;

const CHINESE_RE = new RegExp(`[${CHINESE}]`, "u");
const HAN_RE = new RegExp(`[${HAN}]`, "u");
const isChinese = (ch: string | undefined): boolean => ch !== undefined && CHINESE_RE.test(ch);

// What nfkcSafe makes of each BMP code unit standing alone, filled as met: NFKC_SAME when the
// character stays as it is, else its index + 1 in NFKC_FORMS. Most lines change nowhere, and then
// the line itself is returned instead of being rebuilt character by character.
const NFKC_SAME = 1;
const nfkcKnown = new Int32Array(0x10000);
const NFKC_FORMS: string[] = [];

function nfkcOfUnit(c: number): number {
  let k = nfkcKnown[c];
  if (k === 0) {
    const ch = String.fromCharCode(c);
    const n = PROTECTED.has(ch) ? ch : ch.normalize("NFKC");
    if (n === ch) k = NFKC_SAME;
    else {
      NFKC_FORMS.push(n);
      k = NFKC_FORMS.length + 1;
    }
    nfkcKnown[c] = k;
  }
  return k;
}

/** NFKC character by character (not across characters), Chinese punctuation protected. */
export function nfkcSafe(text: string): string {
  let out = "";
  let done = 0; // text[0, done) is in `out` already
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        // a surrogate pair is one character: normalized as one, as iterating the string would
        const ch = text.slice(i, i + 2);
        const n = ch.normalize("NFKC");
        if (n !== ch) {
          out += text.slice(done, i) + n;
          done = i + 2;
        }
        i++;
        continue;
      }
    }
    if (c < 0x80 && c !== 0) continue; // NFKC leaves ASCII alone
    const k = nfkcOfUnit(c);
    if (k !== NFKC_SAME) {
      out += text.slice(done, i) + NFKC_FORMS[k - 2];
      done = i + 1;
    }
  }
  // full-width comparison and percent signs are how values are printed ("＜0.01"): keep them as printed
  return done === 0 ? text : out + text.slice(done);
}

const FULL: Record<string, string> = { ",": "，", ":": "：", ";": "；", "!": "！", "?": "？" };
const ASCII_MARK = /[,:;!?]/;

const FULL_CODE = new Uint16Array(0x80);
for (const [ascii, full] of Object.entries(FULL)) FULL_CODE[ascii.charCodeAt(0)] = full.charCodeAt(0);

const isAlnumCode = (c: number): boolean => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** ASCII , : ; ! ? between Chinese characters become full-width; between digits (1,000 or 10:30) they stay. */
export function fullWidthPunctuation(text: string): string {
  // most lines have none of , : ; ! ? to look at
  if (!ASCII_MARK.test(text)) return fullWidthParens(text);
  // left to right by character, a mark seeing the one before it as already made full-width
  let out = "";
  let done = 0;
  let prev = -1;
  for (let i = 0; i < text.length; ) {
    let c = codePointAt(text, i);
    const width = c > 0xffff ? 2 : 1;
    const full = c < 0x80 ? FULL_CODE[c] : 0;
    if (full !== 0) {
      const next = codePointAt(text, i + 1);
      const digitsAround = isAlnumCode(prev) && isAlnumCode(next);
      if (!digitsAround && (isChineseCode(prev) || isChineseCode(next) || next === -1 || next === 0x20)) {
        out += text.slice(done, i) + String.fromCharCode(full);
        done = i + 1;
        c = full;
      }
    }
    prev = c;
    i += width;
  }
  return fullWidthParens(done === 0 ? text : out + text.slice(done));
}

/** Parentheses: one form for number markers — (一) and (1) become （一） and （1） — and full-width
 *  around Chinese content. ASCII stays around purely ASCII content inside ASCII text ("(GDP)" in a
 *  Latin context); in Chinese text any balanced pair with Chinese inside, or a marker, goes full-width. */
export function fullWidthParens(text: string): string {
  // both patterns need an ASCII parenthesis
  if (!text.includes("(") && !text.includes(")")) return text;
  return text.replace(/\(([^()（）]{0,40})\)/g, (whole, inner: string, offset: number) => {
    const before = text[offset - 1];
    const after = text[offset + whole.length];
    // a number marker opens a line or a clause; "≤(1)" in a table cell is a bracketed figure
    const marker = /^([一二三四五六七八九十百]+|\d{1,2})$/.test(inner) && (before === undefined || /[\s，。；：、]/u.test(before) || isChinese(before));
    if (marker || isChinese([...inner][0]) || HAN_RE.test(inner) || isChinese(before) || isChinese(after)) return `（${inner}）`;
    return whole;
  }).replace(/（([^()（）]{0,40})\)|\(([^()（）]{0,40})）/g, (_whole, a: string | undefined, b: string | undefined) => `（${a ?? b}）`);
  // ↑ A pair half full-width, half ASCII is a full-width pair that a converter half-caught.
}

/** `2021年 12月 28日` → `2021年12月28日`: a date is one token whatever the typesetting did to it. */
export function compactDates(text: string): string {
  if (!text.includes("年")) return text;
  return text.replace(/(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/gu, (_m, y, mo, d) => `${y}年${mo}月${d ? `${d}日` : ""}`);
}

export const normalizeWidth: CleanStep = (lines, ctx): StepResult => {
  let changed = 0;
  let controls = 0;
  const out = lines.map((l) => {
    let text = l.text;
    const stripped = text.replace(CONTROL, "");
    if (stripped !== text) controls++;
    text = compactDates(fullWidthPunctuation(nfkcSafe(stripped))).replace(/[ \t]+$/u, "").replace(/^[ \u3000]+/u, "");
    if (text !== stripped.trim()) changed++;
    return text === l.text ? l : { ...l, text };
  });
  const notes = controls ? [note("clean", "control-characters", ctx, null, `removed control or zero-width characters from ${controls} lines`)] : [];
  return { lines: out, notes, repairs: { ...counted("width-normalized", changed), ...counted("control-characters", controls) } };
};

/** Whitespace-only lines carry nothing; dropping them is counted, not noted line by line. */
export const dropBlankLines: CleanStep = (lines) => {
  const out = lines.filter((l) => l.text.trim() !== "");
  const dropped = lines.length - out.length;
  return { lines: out, notes: [], repairs: counted("blank-lines", dropped) };
};

/** `第 72 次` → `第72次`: spaces between Chinese and digits are PDF/typesetting artefacts in prose.
 *  Table rows printed with spaces between cells are left alone: there the space is a cell boundary. */
const CJK_BEFORE_ALNUM = new RegExp(`([${CHINESE}])[ \\u3000]+(?=[0-9A-Za-z%‰])`, "gu");
const ALNUM_BEFORE_CJK = new RegExp(`([0-9A-Za-z%‰.])[ \\u3000]+(?=[${CHINESE}])`, "gu");
const CJK_BEFORE_CJK = new RegExp(`([${CHINESE}])[ \\u3000]+(?=[${CHINESE}])`, "gu");

export function collapseCjkSpaces(text: string): string {
  // every pattern needs a space; the patterns are compiled once (replace starts a global one afresh)
  if (!text.includes(" ") && !text.includes("\u3000")) return text;
  return text.replace(CJK_BEFORE_ALNUM, "$1").replace(ALNUM_BEFORE_CJK, "$1").replace(CJK_BEFORE_CJK, "$1");
}

/** Prose: has Chinese sentence punctuation, or is long. Short punctuation-free lines may be table rows. */
export function isProse(text: string): boolean {
  return /[，。；：、！？《》“”]/.test(text) || (text.length > 60 && codePointCount(text) > 60);
}

export const collapseSpaces: CleanStep = (lines) => {
  let changed = 0;
  const out = lines.map((l) => {
    if (l.text.includes("\t") || !isProse(l.text)) return l;
    const text = collapseCjkSpaces(l.text);
    if (text === l.text) return l;
    changed++;
    return { ...l, text };
  });
  return { lines: out, notes: [], repairs: counted("cjk-spacing", changed) };
};
