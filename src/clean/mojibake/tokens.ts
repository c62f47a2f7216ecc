// What a character costs standing alone, outside any dictionary word: Han characters by the word
// model, punctuation by where it stands (after what, with which brackets open), everything else by
// what kind of character it is. This runs for every character of every reading scored.
import { isHanCode } from "../../text/chars.js";
import { simplifiedChar } from "../opencc.js";
import { TOKEN, WINDOW } from "./costs.js";
import { isGarbleMark } from "./marks.js";
import type { WordModel } from "./words.js";

const OPEN = "（(“《‘【「『〈［〔｛";
const CLOSE = "）)”》’】」』〉］〕｝";
const MID = "，。、；：？！";
const ASCII_PUNCT = ",.;:!%";
/** the common marks lead OPEN, CLOSE and MID: past these positions a mark is a rarer one */
const COMMON_BRACKETS = 4;
const COMMON_CLAUSE_MARKS = 3;

const isSpace = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;

// The punctuation sets as tables by code unit: the position in OPEN, CLOSE or MID, -1 when absent;
// whether an ASCII character is \p{P}; ASCII_PUNCT.
function positions(set: string): Int8Array {
  const t = new Int8Array(0x10000).fill(-1);
  for (let k = set.length - 1; k >= 0; k--) t[set.charCodeAt(k)] = k;
  return t;
}
const OPEN_AT = positions(OPEN);
const CLOSE_AT = positions(CLOSE);
const MID_AT = positions(MID);
const ASCII_P = new Uint8Array(0x80).map((_, k) => (/[\p{P}]/u.test(String.fromCharCode(k)) ? 1 : 0));
const ASCII_PUNCT_SET = new Uint8Array(0x80).map((_, k) => (ASCII_PUNCT.includes(String.fromCharCode(k)) ? 1 : 0));

/** log-probability of a character standing alone, given the one before it and the open brackets. */
export function tokenLogProb(m: WordModel, prev: number, c: number, opened: number): number {
  if (isHanCode(c)) return m.singleLog(simplifiedChar(c));
  if (isGarbleMark(c)) return TOKEN.unknown;
  const start = prev < 0 || isSpace(prev);
  if (c === 0x3000) return start ? TOKEN.ideographicSpaceAtStart : TOKEN.ideographicSpace;
  if (c === 0x20) return start ? TOKEN.spaceAtStart : TOKEN.space;
  if (c === 0x2026 || c === 0x2014) return prev === c ? TOKEN.dashRepeated : start ? TOKEN.dashAtStart : TOKEN.dash;
  const open = OPEN_AT[c];
  const close = CLOSE_AT[c];
  const mid = MID_AT[c];
  if (open >= 0 || close >= 0 || mid >= 0) {
    const rare = open >= COMMON_BRACKETS || close >= COMMON_BRACKETS || mid >= COMMON_CLAUSE_MARKS ? TOKEN.rareMark : 0;
    if (open >= 0) return rare + (prev >= 0 && OPEN_AT[prev] >= 0 ? TOKEN.openAfterOpen : TOKEN.open);
    if (close >= 0) return rare + (opened > 0 ? TOKEN.closeMatched : TOKEN.closeUnmatched);
    return rare + (start || MID_AT[prev] >= 0 || OPEN_AT[prev] >= 0 || m.joinsNext(simplifiedChar(prev)) ? TOKEN.clauseMarkMisplaced : TOKEN.clauseMark);
  }
  // a "?" against Chinese text or right after punctuation is what a lost byte looks like
  if (c === 0x3f) return start || prev > 0x7f ? TOKEN.questionMarkInChinese : ASCII_P[prev] === 1 ? TOKEN.questionMarkAfterPunctuation : TOKEN.questionMark;
  if (c >= 0x30 && c <= 0x39) return TOKEN.asciiAlnum;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return TOKEN.asciiAlnum;
  if (c < 0x80 && ASCII_PUNCT_SET[c] === 1) return TOKEN.asciiPunctuation;
  if (c < 0x80) return TOKEN.ascii;
  if (c >= 0xff10 && c <= 0xff19) return TOKEN.fullWidthDigit;
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return TOKEN.fullWidthLetter;
  if (c === 0x00b7 || c === 0x25cf || c === 0xff05 || c === 0x2103 || c === 0x2030) return TOKEN.planSymbol;
  return TOKEN.other;
}

/** 1 for an opening bracket, 2 for a closing one, by code unit */
const BRACKET = new Uint8Array(0x10000);
for (let k = 0; k < OPEN.length; k++) BRACKET[OPEN.charCodeAt(k)] = 1;
for (let k = 0; k < CLOSE.length; k++) BRACKET[CLOSE.charCodeAt(k)] = 2;

/** How many brackets are open after the character `c` (this runs for every character scored). */
export function bracketDelta(opened: number, c: number): number {
  const t = BRACKET[c];
  if (t === 1) return opened + 1;
  if (t === 2) return Math.max(0, opened - 1);
  return opened;
}

/** How many brackets are open after the characters looked back over before `from`. */
export function openedBefore(text: string, from: number): number {
  let opened = 0;
  for (let k = Math.max(0, from - WINDOW.lookBack); k < from; k++) opened = bracketDelta(opened, text.charCodeAt(k));
  return opened;
}
