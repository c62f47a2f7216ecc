// Mojibake repair for GBK text that was read one byte out of step.
//
// When a GBK page loses one byte, every following two-byte character is decoded from the trail byte
// of one character and the lead byte of the next: "　（一）創新" comes out as "?。ㄒ唬﹦撔". The lost
// byte shows as "?", pairs in GBK's user-defined areas come out as private-use characters, and a
// later pass may have folded the full-width punctuation of the garbled result to ASCII. The
// misreading ends by itself at the first trail byte in ASCII range (it shows as a stray letter,
// "瓌t") or at a lead byte followed by an ASCII byte, which the decoder swallowed into one "?"
// ("枷?/p>" was "想</p>"). Re-encoding the run, putting a lead byte back in front and decoding again
// restores the text. The bytes hidden in a "?" are guessed, and every guess, and whether to repair
// at all, is judged by a word model built from jieba's dictionary.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";
import type { Line, Note, Script } from "../model.js";
import { note, type CleanStep, type StepContext, type StepResult } from "./step.js";

// ---------------------------------------------------------------------------------------------
// Word model: jieba's word list as unigram word probabilities

export interface WordModel {
  /** log-probability of the word codes[from, to) (simplified code units), or null when no word */
  word(codes: ArrayLike<number>, from: number, to: number): number | null;
  /** whether some word of two or more characters starts with this code unit */
  startsWords(code: number): boolean;
  /** a conjunction or preposition standing alone (和, 在, 對): no clause ends right after one */
  joinsNext(code: number): boolean;
}

/** The model as the scorer uses it: the same answers without allocating, hashing a word again per
 *  length, or taking a logarithm per lookup (the scorer asks millions of times per garbled page). */
interface FastModel extends WordModel {
  /** word(code) for one code unit, or UNKNOWN when it is no word */
  singleLog(code: number): number;
  /** index of the first multi-character word starting with `first`, and one past the last */
  bucket: Int32Array;
  /** makes the words starting with `first` findable (the lazy part of the index) */
  ensure(first: number): void;
  /** log-probability of the word whose hash2 is (a, b), NaN when no word */
  logOf(a: number, b: number): number;
}

const MAX_WORD = 6;
const TABLE_BITS = 20;

let h1 = 0;
let h2 = 0;

/** Two independent 32-bit hashes of codes[from, to), left in h1 and h2: a false hit needs both. */
function hash2(codes: ArrayLike<number>, from: number, to: number): void {
  let a = 0x811c9dc5;
  let b = 17;
  for (let k = from; k < to; k++) {
    a = Math.imul(a ^ codes[k], 0x01000193);
    b = (Math.imul(b, 31) + codes[k]) | 0;
  }
  h1 = a >>> 0 || 1;
  h2 = b >>> 0;
}

/**
 * Indexes the dictionary by first character and hashes a character's words only when a word starting
 * with it is first looked up: hashing all 350,000 entries up front would cost more than a whole run
 * over a garbled file, which touches a few thousand first characters.
 */
function buildModel(dict: Uint8Array): FastModel {
  const n = dict.length;
  const cap = Math.ceil(n / 6) + 1; // the shortest line, "x 1 n\n", has six bytes
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  const firsts = new Uint16Array(cap);
  const freqs = new Float64Array(cap);
  const single = new Float64Array(0x10000);
  const joins = new Uint8Array(0x10000);
  let lines = 0;
  let total = 0;
  let i = 0;
  while (i < n) {
    const nl = dict.indexOf(0x0a, i);
    const lineEnd = nl < 0 ? n : nl;
    const sp = dict.indexOf(0x20, i);
    if (sp > i && sp < lineEnd) {
      let f = 0;
      let k = sp + 1;
      while (k < lineEnd && dict[k] >= 0x30 && dict[k] <= 0x39) f = f * 10 + dict[k++] - 0x30;
      const b = dict[i];
      // only words in the BMP's three-byte range matter: Han text never pairs with ASCII entries
      if (f > 0 && b >= 0xe0 && b < 0xf0) {
        const first = ((b & 0x0f) << 12) | ((dict[i + 1] & 0x3f) << 6) | (dict[i + 2] & 0x3f);
        total += f;
        if (sp - i === 3) {
          single[first] += f;
          // a one-letter tag "c" (conjunction) or "p" (preposition)
          const t = dict[k + 1];
          if (dict[k] === 0x20 && (t === 0x63 || t === 0x70) && (k + 2 >= lineEnd || dict[k + 2] === 0x0d)) joins[first] = 1;
        } else if (sp - i <= 3 * MAX_WORD) {
          starts[lines] = i;
          ends[lines] = sp;
          firsts[lines] = first;
          freqs[lines] = f;
          lines++;
        }
      } else total += f;
    }
    i = lineEnd + 1;
  }
  // counting sort of the multi-character words by first character
  const bucket = new Int32Array(0x10001);
  for (let k = 0; k < lines; k++) bucket[firsts[k] + 1]++;
  for (let c = 0; c < 0x10000; c++) bucket[c + 1] += bucket[c];
  const order = new Int32Array(lines);
  const fill = bucket.slice(0, 0x10000);
  for (let k = 0; k < lines; k++) order[fill[firsts[k]]++] = k;

  const logTotal = Math.log(total);
  const size = 1 << TABLE_BITS;
  const mask = size - 1;
  const table = new Uint32Array(size * 3); // h1, h2, frequency per slot, side by side for the cache
  const built = new Uint8Array(0x10000);
  const codes = new Int32Array(MAX_WORD);
  let used = 0;
  const slot = (): number => {
    let s = h1 & mask;
    while (table[s * 3] !== 0 && (table[s * 3] !== h1 || table[s * 3 + 1] !== h2)) s = (s + 1) & mask;
    return s;
  };
  const build = (first: number): void => {
    built[first] = 1;
    for (let o = bucket[first]; o < bucket[first + 1] && used < size * 0.75; o++) {
      const k = order[o];
      let len = 0;
      let p = starts[k];
      let ok = true;
      while (p < ends[k]) {
        const b = dict[p];
        if (b < 0xe0 || b >= 0xf0) {
          ok = false;
          break;
        }
        codes[len++] = ((b & 0x0f) << 12) | ((dict[p + 1] & 0x3f) << 6) | (dict[p + 2] & 0x3f);
        p += 3;
      }
      if (!ok) continue;
      hash2(codes, 0, len);
      const s = slot();
      if (table[s * 3] === 0) {
        table[s * 3] = h1;
        table[s * 3 + 1] = h2;
        used++;
      }
      table[s * 3 + 2] = Math.min(0xffffffff, table[s * 3 + 2] + freqs[k]);
      logs[s] = NaN;
    }
  };
  // logarithms are taken once per slot and per character, when first asked for
  const logs = new Float64Array(size).fill(NaN);
  const singleLogs = new Float64Array(0x10000).fill(NaN);
  return {
    bucket,
    ensure(first) {
      if (!built[first]) build(first);
    },
    logOf(a, b) {
      let s = a & mask;
      while (table[s * 3] !== 0 && (table[s * 3] !== a || table[s * 3 + 1] !== b)) s = (s + 1) & mask;
      if (table[s * 3] === 0) return NaN;
      let l = logs[s];
      if (l !== l) l = logs[s] = Math.log(table[s * 3 + 2]) - logTotal;
      return l;
    },
    singleLog(code) {
      let l = singleLogs[code];
      if (l !== l) {
        const f = single[code];
        l = singleLogs[code] = f > 0 ? Math.log(f) - logTotal : UNKNOWN;
      }
      return l;
    },
    word(c, from, to) {
      if (to - from === 1) {
        const f = single[c[from]];
        return f > 0 ? Math.log(f) - logTotal : null;
      }
      const first = c[from];
      if (bucket[first] === bucket[first + 1]) return null;
      if (!built[first]) build(first);
      hash2(c, from, to);
      const s = slot();
      return table[s * 3] === 0 ? null : Math.log(table[s * 3 + 2]) - logTotal;
    },
    startsWords: (code) => bucket[code] !== bucket[code + 1],
    joinsNext: (code) => joins[code] === 1,
  };
}

function dictionaryPath(): string {
  const root = dirname(createRequire(import.meta.url).resolve("nodejieba/package.json"));
  for (const rel of ["submodules/cppjieba/dict/jieba.dict.utf8", "dict/jieba.dict.utf8", "lib/dict/jieba.dict.utf8"]) {
    const p = join(root, rel);
    if (existsSync(p)) return p;
  }
  throw new Error(`mojibake: jieba.dict.utf8 not found under ${root}`);
}

let model: FastModel | null = null;

/** The word model, read from nodejieba's dictionary on first use and kept for the process. */
export function wordModel(): WordModel {
  return (model ??= buildModel(readFileSync(dictionaryPath())));
}

// ---------------------------------------------------------------------------------------------
// Scripts

const isHan = (c: number): boolean => (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

let toSimplified: ((s: string) => string) | null = null;
let toTraditional: ((s: string) => string) | null = null;
// per code unit, 0 until converted: a conversion never yields U+0000, so 0 is free as "not yet"
const simplifiedChar = new Int32Array(0x10000);
const traditionalChar = new Int32Array(0x10000);

function convertChar(cache: Int32Array, convert: (s: string) => string, code: number): number {
  let s = cache[code];
  if (s === 0) {
    const out = convert(String.fromCharCode(code));
    s = out.length === 1 ? out.charCodeAt(0) : code;
    cache[code] = s;
  }
  return s;
}

type DictGroup = Array<string | string[][]>;
interface OpenCCInternals {
  Locale?: { configs?: Record<string, { normalizationChain?: DictGroup[]; segmentation?: unknown; conversionChain?: DictGroup[] }> };
  ConverterFactory?: (...groups: DictGroup[]) => (s: string) => string;
}

/**
 * OpenCC's conversion of a text of one character, without the phrase tables. A one-character text
 * can only match one-character dictionary keys, so the preset's passes are rebuilt from those
 * entries alone: the same answer (test/clean/mojibake-chars.test.ts checks every Han character)
 * for a fraction of the memory: OpenCC's full cn→tw converter holds some 40 MB of phrase tries.
 * Falls back to OpenCC's converter when the preset is not shaped as expected.
 */
export function characterConverter(config: "tw2s" | "s2tw", from: string, to: string): (s: string) => string {
  const O = OpenCC as unknown as OpenCCInternals;
  const preset = O.Locale?.configs?.[config];
  const fallback = () => OpenCC.Converter({ from: from as "tw", to: to as "cn" });
  if (!preset || !Array.isArray(preset.conversionChain) || typeof O.ConverterFactory !== "function") return fallback();
  const oneCharacter = (group: DictGroup): DictGroup =>
    group.map((dict) =>
      typeof dict === "string"
        ? dict
            .split("|")
            .filter((entry) => {
              const key = entry.slice(0, entry.indexOf(" "));
              return key.length === 1 || (key.length === 2 && key.codePointAt(0)! > 0xffff);
            })
            .join("|")
        : dict.filter(([key]) => [...key].length === 1),
    );
  try {
    const passes = [...(preset.normalizationChain ?? []), ...preset.conversionChain].map((g) => O.ConverterFactory!(oneCharacter(g)));
    return (s) => passes.reduce((t, p) => p(t), s);
  } catch {
    return fallback();
  }
}

/** The dictionary is simplified while plans come in both scripts: text is looked up simplified,
 *  character by character (word-level conversions do not matter for telling text from garbage). */
export function simplified(code: number): number {
  if (!isHan(code)) return code;
  return convertChar(simplifiedChar, (toSimplified ??= characterConverter("tw2s", "tw", "cn")), code);
}

export function traditional(code: number): number {
  if (!isHan(code)) return code;
  return convertChar(traditionalChar, (toTraditional ??= characterConverter("s2tw", "cn", "tw")), code);
}

/** Whether a character belongs to one script only, and so is out of place in text of the other. */
function foreignTo(script: Script, code: number): boolean {
  if (!isHan(code)) return false;
  return script === "traditional" ? simplified(code) === code && traditional(code) !== code : simplified(code) !== code;
}

// foreignTo per script and code unit, as what it costs: 1 + cost, 0 until known
const foreignInTraditional = new Int8Array(0x10000);
const foreignInSimplified = new Int8Array(0x10000);

function foreignCost(table: Int8Array, script: Script, code: number): number {
  let v = table[code];
  if (v === 0) v = table[code] = 1 + (foreignTo(script, code) ? FOREIGN : 0);
  return v - 1;
}

export function scriptOf(texts: string[]): Script {
  let han = 0;
  let changed = 0;
  for (const t of texts) {
    for (let k = 0; k < t.length && han < 4000; k++) {
      const c = t.charCodeAt(k);
      if (!isHan(c)) continue;
      han++;
      if (simplified(c) !== c) changed++;
    }
  }
  return han > 0 && changed / han > 0.02 ? "traditional" : "simplified";
}

// ---------------------------------------------------------------------------------------------
// Scoring: the best segmentation into dictionary words and single tokens, as log-probability

/** What a run is scored with: the word model and the script the rest of the document is in. */
export interface Scorer {
  m: WordModel;
  script: Script;
}

const OPEN = "（(“《‘【「『〈［〔｛";
const CLOSE = "）)”》’】」』〉］〕｝";
const MID = "，。、；：？！";
const ASCII_PUNCT = ",.;:!%";

const isSpace = (c: number): boolean => c === 0x20 || c === 0x3000 || c === 0x09 || c === 0xa0;
/** Characters that never stand in a Chinese plan but are what a misread GBK byte pair gives. */
export const isGarbleMark = (c: number): boolean =>
  (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x3105 && c <= 0x3129) || c === 0xfffd;

const UNKNOWN = -21;
/** what a character of the other script costs: a decoding that yields one is probably wrong */
const FOREIGN = -4;

// The punctuation sets as tables by code unit (the scorer asks per character scored): the position
// in OPEN, CLOSE or MID, -1 when absent; whether an ASCII character is \p{P}; ASCII_PUNCT.
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
function tokenLogProb(m: FastModel, prev: number, c: number, opened: number): number {
  if (isHan(c)) return m.singleLog(simplified(c));
  if (isGarbleMark(c)) return UNKNOWN;
  const start = prev < 0 || isSpace(prev);
  if (c === 0x3000) return start ? -3 : -12;
  if (c === 0x20) return start ? -3 : -7;
  if (c === 0x2026 || c === 0x2014) return prev === c ? -0.7 : start ? -10 : -6;
  const open = OPEN_AT[c];
  const close = CLOSE_AT[c];
  const mid = MID_AT[c];
  if (open >= 0 || close >= 0 || mid >= 0) {
    // the common marks first: brackets other than （）“” are rarer, and so are ；：？！ against ，。、
    const rare = open > 3 || close > 3 || mid > 2 ? -3 : 0;
    if (open >= 0) return rare + (prev >= 0 && OPEN_AT[prev] >= 0 ? -12 : -4.5);
    if (close >= 0) return rare + (opened > 0 ? -3 : -12);
    return rare + (start || MID_AT[prev] >= 0 || OPEN_AT[prev] >= 0 || m.joinsNext(simplified(prev)) ? -14 : -3.9);
  }
  // a "?" against Chinese text or right after punctuation is what a lost byte looks like
  if (c === 0x3f) return start || prev > 0x7f ? -12 : ASCII_P[prev] === 1 ? -14 : -5;
  if (c >= 0x30 && c <= 0x39) return -6;
  if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) return -6;
  if (c < 0x80 && ASCII_PUNCT_SET[c] === 1) return -5;
  if (c < 0x80) return -9;
  if (c >= 0xff10 && c <= 0xff19) return -7;
  if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return -8;
  if (c === 0x00b7 || c === 0x25cf || c === 0xff05 || c === 0x2103 || c === 0x2030) return -7;
  // kana, Greek, Cyrillic, box drawing, small forms and the like: what misread byte pairs give
  return -17;
}

const CONTEXT = 3;

// Scratch for the segmentation, reused across calls (it runs some hundred thousand times per garbled
// page, on spans of a few to a few hundred characters): the span's code units, their simplified
// forms, what each costs for being of the other script, and the best score up to each position.
let RAW = new Int32Array(512);
let SIMP = new Int32Array(512);
let COST = new Float64Array(512);
let BEST = new Float64Array(513);

function reserve(n: number): void {
  if (n <= RAW.length) return;
  const size = Math.max(n, RAW.length * 2);
  RAW = new Int32Array(size);
  SIMP = new Int32Array(size);
  COST = new Float64Array(size);
  BEST = new Float64Array(size + 1);
}

/** How many brackets are open after the (up to) 40 characters before `from`. */
function openedBefore(text: string, from: number): number {
  let opened = 0;
  for (let k = Math.max(0, from - 40); k < from; k++) opened = bracketDelta(opened, text.charCodeAt(k));
  return opened;
}

/** Best-segmentation log-probability of text[from, to), every Han character of the other script
 *  paying FOREIGN. */
function segmentScore(s: Scorer, text: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  reserve(n);
  for (let k = 0; k < n; k++) RAW[k] = text.charCodeAt(from + k);
  return segmentRaw(s, n, from > 0 ? text.charCodeAt(from - 1) : -1, openedBefore(text, from));
}

/** segmentScore of the n code units in RAW, given the one before them (-1 for none) and the
 *  brackets open before them. */
function segmentRaw(s: Scorer, n: number, before: number, opened: number): number {
  const m = s.m as FastModel;
  const foreign = s.script === "traditional" ? foreignInTraditional : foreignInSimplified;
  for (let k = 0; k < n; k++) {
    const c = RAW[k];
    SIMP[k] = simplified(c);
    COST[k] = foreignCost(foreign, s.script, c);
  }
  BEST.fill(-Infinity, 0, n + 1);
  BEST[0] = 0;
  const bucket = m.bucket;
  for (let i = 0; i < n; i++) {
    const here = BEST[i];
    const c = RAW[i];
    const prev = i > 0 ? RAW[i - 1] : before;
    const single = here + COST[i] + tokenLogProb(m, prev, c, opened);
    if (single > BEST[i + 1]) BEST[i + 1] = single;
    const first = SIMP[i];
    if (isHan(first) && bucket[first] !== bucket[first + 1]) {
      let pay = COST[i];
      // hash2 of SIMP[i, j), extended one character per length instead of redone
      let a = Math.imul(0x811c9dc5 ^ first, 0x01000193);
      let b = (Math.imul(17, 31) + first) | 0;
      const last = Math.min(n, i + MAX_WORD);
      for (let j = i + 2; j <= last; j++) {
        const cj = SIMP[j - 1];
        if (!isHan(cj)) break;
        pay += COST[j - 1];
        if (j === i + 2) m.ensure(first);
        a = Math.imul(a ^ cj, 0x01000193);
        b = (Math.imul(b, 31) + cj) | 0;
        const w = m.logOf(a >>> 0 || 1, b >>> 0);
        if (w === w && here + w + pay > BEST[j]) BEST[j] = here + w + pay;
      }
    }
    opened = bracketDelta(opened, c);
  }
  return BEST[n];
}

/**
 * segmentRaw(s, n, before, opened) as a function of the code unit at RAW[k], every other unit of
 * RAW[0, n) staying as it is: what a pick asks for each of its hundred-odd options. What does not
 * involve position k is worked out once: the segmentation up to k, how far the words that start
 * before k have come when they reach it, and the words after it. Per option only the words across
 * k and the single characters after it are scored. Every score is the same sum of the same terms as
 * segmentRaw's, and a best score is a maximum, which the order of comparisons does not change.
 */
function optionScorer(s: Scorer, n: number, k: number, before: number, opened0: number): (c: number) => number {
  const m = s.m as FastModel;
  const foreign = s.script === "traditional" ? foreignInTraditional : foreignInSimplified;
  const bucket = m.bucket;
  const raw = RAW.slice(0, n);
  const simp = new Int32Array(n);
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i === k) continue;
    simp[i] = simplified(raw[i]);
    cost[i] = foreignCost(foreign, s.script, raw[i]);
  }
  const starts = (code: number) => isHan(code) && bucket[code] !== bucket[code + 1];
  // the segmentation of RAW[0, k): final, whatever stands at k
  const prefix = new Float64Array(k + 1).fill(-Infinity);
  prefix[0] = 0;
  // words from i < k still going at k: their hash2 state and cost so far (alive[i] = 0 when not)
  const alive = new Uint8Array(k);
  const hashA = new Int32Array(k);
  const hashB = new Int32Array(k);
  const paid = new Float64Array(k);
  let opened = opened0;
  for (let i = 0; i < k; i++) {
    const here = prefix[i];
    const single = here + cost[i] + tokenLogProb(m, i > 0 ? raw[i - 1] : before, raw[i], opened);
    if (single > prefix[i + 1]) prefix[i + 1] = single;
    const first = simp[i];
    if (starts(first)) {
      let pay = cost[i];
      let a = Math.imul(0x811c9dc5 ^ first, 0x01000193);
      let b = (Math.imul(17, 31) + first) | 0;
      const last = Math.min(n, i + MAX_WORD);
      let j = i + 2;
      for (; j <= last && j <= k; j++) {
        const cj = simp[j - 1];
        if (!isHan(cj)) break;
        pay += cost[j - 1];
        if (j === i + 2) m.ensure(first);
        a = Math.imul(a ^ cj, 0x01000193);
        b = (Math.imul(b, 31) + cj) | 0;
        const w = m.logOf(a >>> 0 || 1, b >>> 0);
        if (w === w && here + w + pay > prefix[j]) prefix[j] = here + w + pay;
      }
      // the loop stopped at k + 1 with the word still going: the option decides the rest
      if (j === k + 1 && j <= last) {
        alive[i] = 1;
        hashA[i] = a;
        hashB[i] = b;
        paid[i] = pay;
      }
    }
    opened = bracketDelta(opened, raw[i]);
  }
  const openedAtK = opened;
  // the words that start after k, found once: per start, their ends, log-probabilities and costs
  const wordsFrom: Array<Array<[number, number, number]>> = [];
  for (let i = k + 1; i < n; i++) {
    const found: Array<[number, number, number]> = [];
    wordsFrom[i] = found;
    const first = simp[i];
    if (!starts(first)) continue;
    let pay = cost[i];
    let a = Math.imul(0x811c9dc5 ^ first, 0x01000193);
    let b = (Math.imul(17, 31) + first) | 0;
    const last = Math.min(n, i + MAX_WORD);
    for (let j = i + 2; j <= last; j++) {
      const cj = simp[j - 1];
      if (!isHan(cj)) break;
      pay += cost[j - 1];
      if (j === i + 2) m.ensure(first);
      a = Math.imul(a ^ cj, 0x01000193);
      b = (Math.imul(b, 31) + cj) | 0;
      const w = m.logOf(a >>> 0 || 1, b >>> 0);
      if (w === w) found.push([j, w, pay]);
    }
  }
  const best = new Float64Array(n + 1);
  return (c) => {
    const sc = simplified(c);
    const cc = foreignCost(foreign, s.script, c);
    best.set(prefix);
    best.fill(-Infinity, k + 1, n + 1);
    // words from before k, through the option
    for (let i = 0; i < k; i++) {
      if (alive[i] === 0) continue;
      const here = prefix[i];
      let pay = paid[i];
      let a = hashA[i];
      let b = hashB[i];
      const last = Math.min(n, i + MAX_WORD);
      for (let j = k + 1; j <= last; j++) {
        const cj = j - 1 === k ? sc : simp[j - 1];
        if (!isHan(cj)) break;
        pay += j - 1 === k ? cc : cost[j - 1];
        if (j === i + 2) m.ensure(simp[i]);
        a = Math.imul(a ^ cj, 0x01000193);
        b = (Math.imul(b, 31) + cj) | 0;
        const w = m.logOf(a >>> 0 || 1, b >>> 0);
        if (w === w && here + w + pay > best[j]) best[j] = here + w + pay;
      }
    }
    // the option itself, alone and as the start of a word
    {
      const here = best[k];
      const single = here + cc + tokenLogProb(m, k > 0 ? raw[k - 1] : before, c, openedAtK);
      if (single > best[k + 1]) best[k + 1] = single;
      if (starts(sc)) {
        let pay = cc;
        let a = Math.imul(0x811c9dc5 ^ sc, 0x01000193);
        let b = (Math.imul(17, 31) + sc) | 0;
        const last = Math.min(n, k + MAX_WORD);
        for (let j = k + 2; j <= last; j++) {
          const cj = simp[j - 1];
          if (!isHan(cj)) break;
          pay += cost[j - 1];
          if (j === k + 2) m.ensure(sc);
          a = Math.imul(a ^ cj, 0x01000193);
          b = (Math.imul(b, 31) + cj) | 0;
          const w = m.logOf(a >>> 0 || 1, b >>> 0);
          if (w === w && here + w + pay > best[j]) best[j] = here + w + pay;
        }
      }
    }
    // what follows: its single characters see the option and its brackets; its words are known
    let open = bracketDelta(openedAtK, c);
    for (let i = k + 1; i < n; i++) {
      const here = best[i];
      const single = here + cost[i] + tokenLogProb(m, i === k + 1 ? c : raw[i - 1], raw[i], open);
      if (single > best[i + 1]) best[i + 1] = single;
      for (const [j, w, pay] of wordsFrom[i]) if (here + w + pay > best[j]) best[j] = here + w + pay;
      open = bracketDelta(open, raw[i]);
    }
    return best[n];
  };
}

/**
 * Log-probability of text[from, to) given what comes before it: the few characters before `from`
 * are segmented along, so a word may reach across the start, and their own cost is taken off again.
 */
export function scoreSpan(s: Scorer, text: string, from: number, to: number): number {
  const ctx = Math.max(0, from - CONTEXT);
  return segmentScore(s, text, ctx, to) - segmentScore(s, text, ctx, from);
}

/** 1 for an opening bracket, 2 for a closing one, by code unit */
const BRACKET = new Uint8Array(0x10000);
for (let k = 0; k < OPEN.length; k++) BRACKET[OPEN.charCodeAt(k)] = 1;
for (let k = 0; k < CLOSE.length; k++) BRACKET[CLOSE.charCodeAt(k)] = 2;

/** How many brackets are open after the character `c` (this runs for every character scored). */
function bracketDelta(opened: number, c: number): number {
  const t = BRACKET[c];
  if (t === 1) return opened + 1;
  if (t === 2) return Math.max(0, opened - 1);
  return opened;
}

// ---------------------------------------------------------------------------------------------
// Bytes

/**
 * Private-use code points that GBK decoders (CP936, GB18030-2000) give to byte pairs that
 * GB18030-2005 later assigned to real characters: iconv-lite encodes these code points as four
 * bytes, so their two-byte positions are listed here, as [first code point, last, first byte pair].
 */
const LEGACY_PUA: Array<[number, number, number]> = [
  [0xe76c, 0xe76c, 0xa2e3],
  [0xe78d, 0xe793, 0xa6d9],
  [0xe794, 0xe795, 0xa6ec],
  [0xe796, 0xe796, 0xa6f3],
  [0xe7c7, 0xe7c7, 0xa8bc],
  [0xe7c8, 0xe7c8, 0xa8bf],
  [0xe7e7, 0xe7f3, 0xa989],
  [0xe801, 0xe805, 0xa9f0],
  [0xe815, 0xe843, 0xfe50],
  [0xe844, 0xe864, 0xfe80],
];

const encoded = new Map<string, number>();

/** The two GBK bytes of a character as one number (lead << 8 | trail), or -1 when it has none. */
export function gbkPair(ch: string): number {
  let v = encoded.get(ch);
  if (v === undefined) {
    const b = iconv.encode(ch, "gb18030");
    v = b.length === 2 && b[0] >= 0x81 ? (b[0] << 8) | b[1] : -1;
    if (v < 0 && ch.length === 1) {
      const c = ch.charCodeAt(0);
      for (const [lo, hi, pair] of LEGACY_PUA) if (c >= lo && c <= hi) v = pair + (c - lo);
    }
    encoded.set(ch, v);
  }
  return v;
}

const decoded = new Map<number, number>();

/** The character a GBK byte pair stands for, or -1 when the pair is none. */
export function decodePair(lead: number, trail: number): number {
  const key = (lead << 8) | trail;
  let c = decoded.get(key);
  if (c === undefined) {
    c = -1;
    if (lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) {
      const s = iconv.decode(Buffer.from([lead, trail]), "gb18030");
      if (s.length === 1 && s !== "\ufffd") c = s.charCodeAt(0);
    }
    decoded.set(key, c);
  }
  return c;
}

/** The bytes a character of a garbled run stood for; ASCII is read as the full-width form it was
 *  folded from, since a real ASCII byte cannot stand inside a misread run. */
function runBytes(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c === 0x20) return 0xa1a1;
  if (c > 0x20 && c < 0x7f) return gbkPair(String.fromCharCode(c + 0xfee0));
  return gbkPair(ch);
}

/**
 * Garbles text the way this step undoes it: encoded as GBK, the first byte replaced by "?", the rest
 * decoded one byte out of step, a lead byte followed by an ASCII byte swallowed into one "?".
 */
export function garble(text: string): string {
  const b = iconv.encode(text, "gbk");
  let out = "?";
  let i = 1;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      out += String.fromCharCode(x);
      i++;
    } else if (i + 1 < b.length && b[i + 1] >= 0x40 && b[i + 1] !== 0x7f) {
      const c = iconv.decode(Buffer.from([x, b[i + 1]]), "gbk");
      out += c === "\ufffd" ? "?" : c;
      i += 2;
    } else {
      out += "?";
      i += 2;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Runs

/** What a lost byte leaves: the ASCII question mark, its full-width form, or U+FFFD. */
const isLostMark = (ch: string | undefined): boolean => ch === "?" || ch === "？" || ch === "\ufffd";

/** One reading of where a garbled run ends and how. */
interface Reading {
  /** index just past the run's last character in the line */
  end: number;
  /** the bytes of the garbled characters, in order: bytes[0, length), the array shared by all the
   *  readings of a run (each is a prefix of the longest) */
  bytes: number[];
  length: number;
  /** the last original character's trail byte when the run ended on it; -1 when it is hidden */
  trail: number;
  /** the run ended in a "?" that swallowed the byte after it */
  swallowed: boolean;
}

const MAX_RUN = 160;

/** Every way a run that starts with the lost-byte mark at `at` can end. */
function readings(text: string, at: number): Reading[] {
  const out: Reading[] = [];
  const bytes: number[] = [];
  let i = at + 1;
  for (; i < text.length && i - at <= MAX_RUN; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (bytes.length > 0) {
      // a trail byte in ASCII range ends the misreading and shows as itself, as may a "?"
      if (c >= 0x40 && c < 0x7f) out.push({ end: i + 1, bytes, length: bytes.length, trail: c, swallowed: false });
      if (isLostMark(ch)) out.push({ end: i + 1, bytes, length: bytes.length, trail: -1, swallowed: true });
    }
    const pair = runBytes(ch);
    if (pair < 0) break;
    bytes.push(pair >> 8, pair & 0xff);
  }
  // the run met the end of the line or a character GBK cannot hold: its last lead byte dangles
  if (bytes.length > 0) out.push({ end: i, bytes, length: bytes.length, trail: -1, swallowed: false });
  return out;
}

interface Pick {
  code: number;
  /** how much better the chosen character reads than the runner-up */
  margin: number;
}

interface Candidate {
  /** the restored text that replaces text[start, end) */
  repaired: string;
  /** the same with every guessed character kept: what the reading is scored by */
  guessed: string;
  end: number;
  /** the "?" that ended the run swallowed a byte that nothing tells */
  swallowed: boolean;
  /** guessed characters left out because the guess was unsure */
  dropped: number;
  /** when the last character was left out: every character its known lead byte allows */
  unsureLast: string | null;
  first: Pick;
  last: Pick;
}

/** Below this margin a guessed Han character is a coin toss between words: it is left out. */
const SURE = 2;

/** The characters a byte pair decodes to, garble marks left out, for every lead byte before one
 *  trail byte and every trail byte (from 0x81 or from 0x40) after one lead byte: kept per byte,
 *  since each run asks again, and shared as the same array, which picks are remembered by. */
const withTrail = new Map<number, number[]>();
const withLead = new Map<number, number[]>();

function decodable(pairs: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (const [lead, trail] of pairs) {
    const c = decodePair(lead, trail);
    if (c >= 0 && !isGarbleMark(c)) out.push(c);
  }
  return out;
}

function leadOptions(trail: number): number[] {
  let out = withTrail.get(trail);
  if (out === undefined) {
    const leads: Array<[number, number]> = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) leads.push([lead, trail]);
    withTrail.set(trail, (out = decodable(leads)));
  }
  return out;
}

function trailOptions(lead: number, swallowed: boolean): number[] {
  const key = lead * 2 + (swallowed ? 1 : 0);
  let out = withLead.get(key);
  if (out === undefined) {
    const trails: Array<[number, number]> = [];
    for (let t = swallowed ? 0x81 : 0x40; t <= 0xfe; t++) trails.push([lead, t]);
    withLead.set(key, (out = decodable(trails)));
  }
  return out;
}

/** Picks already made for a document, by options and context: the readings of a run share its first
 *  byte and mostly the characters after it, and so mostly their picks of the first character; and a
 *  page repeats its garbled headings (title, contents, body). A pick depends on nothing else but the
 *  scorer, whose script is the document's. */
type Picks = Map<number[], Map<string, Pick>>;
const picksByScorer = new WeakMap<Scorer, Picks>();

function picksFor(s: Scorer): Picks {
  let p = picksByScorer.get(s);
  if (p === undefined) picksByScorer.set(s, (p = new Map()));
  return p;
}

/** The best restoration of one reading, or null when its bytes do not decode. */
function restore(s: Scorer, text: string, at: number, r: Reading, picks: Picks = new Map()): Candidate | null {
  const b = r.bytes;
  // the original characters are (lost, b0)(b1 b2)(b3 b4)…(b[n-1], trail)
  const middle: number[] = [];
  for (let k = 1; k + 1 < r.length; k += 2) {
    const c = decodePair(b[k], b[k + 1]);
    if (c < 0) return null;
    middle.push(c);
  }
  const before = text.slice(Math.max(0, at - 40), at);
  let tail = "";
  let swallowed = false;
  if (r.swallowed) {
    // "/p>" without its "<": the swallowed byte is known from the tag it belonged to
    if (/^\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/.test(text.slice(r.end))) tail = "<";
    else swallowed = true;
  }
  const after = tail + text.slice(r.end, r.end + CONTEXT);

  const pick = (options: number[], left: string, right: string): Pick => {
    let known = picks.get(options);
    if (known === undefined) picks.set(options, (known = new Map()));
    const key = left.length + ":" + left + right;
    let p = known.get(key);
    if (p === undefined) known.set(key, (p = pickAmong(options, left, right)));
    return p;
  };
  const pickAmong = (options: number[], left: string, right: string): Pick => {
    let best = -1;
    let bestScore = -Infinity;
    let second = -Infinity;
    // scoreSpan(s, left + c + right, left.length, …) for every option c: what it subtracts, the score
    // of the context before c, and the brackets open before that context are the same for all options
    const from = left.length;
    const ctx = Math.max(0, from - CONTEXT);
    const before = ctx > 0 ? left.charCodeAt(ctx - 1) : -1;
    const opened = openedBefore(left, ctx);
    const contextScore = segmentScore(s, left, ctx, from);
    const n = from - ctx + 1 + right.length;
    reserve(n);
    for (let k = ctx; k < from; k++) RAW[k - ctx] = left.charCodeAt(k);
    RAW[from - ctx] = 0;
    for (let k = 0; k < right.length; k++) RAW[from - ctx + 1 + k] = right.charCodeAt(k);
    const score = optionScorer(s, n, from - ctx, before, opened);
    for (const c of options) {
      const v = score(c) - contextScore;
      if (v > bestScore) {
        second = bestScore;
        bestScore = v;
        best = c;
      } else if (v > second) second = v;
    }
    return { code: best, margin: bestScore - second };
  };
  const firstOptions = leadOptions(b[0]);
  const lastLead = b[r.length - 1];
  let lastOptions: number[];
  if (r.trail >= 0) {
    const c = decodePair(lastLead, r.trail);
    if (c < 0) return null;
    lastOptions = [c];
  } else {
    // a "?" hid a byte the decoder took for a lead byte; at a line's end any trail byte may be missing
    lastOptions = trailOptions(lastLead, r.swallowed);
  }
  if (firstOptions.length === 0 || lastOptions.length === 0) return null;
  const mid = String.fromCharCode(...middle);
  // first and last are chosen in turn, each with the other as context, until they settle
  let first = pick(firstOptions, before, mid.slice(0, CONTEXT + 1));
  let last: Pick = { code: lastOptions[0], margin: Infinity };
  for (let round = 0; round < 2; round++) {
    if (lastOptions.length > 1) last = pick(lastOptions, (before + String.fromCharCode(first.code) + mid).slice(-40), after);
    first = pick(firstOptions, before, (mid + String.fromCharCode(last.code) + after).slice(0, CONTEXT + 1));
  }
  let head = String.fromCharCode(first.code);
  let end = String.fromCharCode(last.code);
  let dropped = 0;
  if (isHan(first.code) && first.margin < SURE) {
    head = "";
    dropped++;
  }
  let unsureLast: string | null = null;
  if (isHan(last.code) && last.margin < SURE) {
    end = "";
    dropped++;
    unsureLast = String.fromCharCode(...lastOptions);
  }
  const guessed = String.fromCharCode(first.code) + mid + String.fromCharCode(last.code) + tail;
  return { repaired: head + mid + end + tail, guessed, end: r.end, swallowed, dropped, unsureLast, first, last };
}

// ---------------------------------------------------------------------------------------------
// Decisions

/** Log-probability per character of the run a restoration must gain over the garbled text. */
const MIN_GAIN = 2.5;
/** A restoration must read at least this well, per character, to be taken. */
const PLAUSIBLE = -9;
/** Below this per-character log-probability a span does not read as Chinese. */
const GARBLED = -8;

/** How a run was judged, with the numbers behind the decision. */
export interface Judgement {
  start: number;
  /** end of the run as restored, or of the garbled span when nothing restores it */
  end: number;
  garbled: string;
  repaired: string | null;
  /** log-probability gained per character of the run by the best restoration */
  gain: number;
  /** average log-probability of the restored characters */
  plausibility: number;
  /** average log-probability of the garbled run as it stands */
  garbledAvg: number;
  /** private-use characters, bopomofo or U+FFFD in the run */
  hardEvidence: boolean;
  swallowed: boolean;
  dropped: number;
  unsureLast: string | null;
}

/**
 * scoreSpan(s, text', at, at + insert.length + end - resume) where text' is text with text[at, resume)
 * replaced by `insert`. Scoring reads no further back than the context and the 40 characters whose
 * brackets it counts, so text' is built from there on, not from the start of what may be a long line.
 */
function scoreSpliced(s: Scorer, text: string, at: number, insert: string, resume: number, end: number): number {
  const from = Math.max(0, at - CONTEXT - 40);
  const local = text.slice(from, at) + insert + text.slice(resume, end);
  return scoreSpan(s, local, at - from, local.length);
}

/** Judges the run that starts with the lost-byte mark at `at`; null when no run can start there. */
export function judgeRun(s: Scorer, text: string, at: number): Judgement | null {
  const rs = readings(text, at);
  if (rs.length === 0) return null;
  const spanEnd = Math.max(...rs.map((r) => r.end));
  const garbledScore = scoreSpan(s, text, at, spanEnd);
  const picks = picksFor(s);
  let best: { cand: Candidate; score: number } | null = null;
  for (const r of rs) {
    const cand = restore(s, text, at, r, picks);
    if (!cand) continue;
    // each reading is scored over the same span: its restored run plus the text it leaves as it is
    const score = scoreSpliced(s, text, at, cand.guessed, cand.end, spanEnd);
    if (!best || score > best.score) best = { cand, score };
  }
  const end = best ? best.cand.end : spanEnd;
  const garbledAvg = scoreSpan(s, text, at, end) / (end - at);
  const hardEvidence = hasHardEvidence(text, at, end);
  if (!best) return { start: at, end, garbled: text.slice(at, end), repaired: null, gain: -Infinity, plausibility: -Infinity, garbledAvg, hardEvidence, swallowed: false, dropped: 0, unsureLast: null };
  const { cand } = best;
  const plausibility = scoreSpliced(s, text, at, cand.guessed, cand.end, cand.end) / cand.guessed.length;
  const gain = (best.score - garbledScore) / (cand.end - at);
  return { start: at, end, garbled: text.slice(at, end), repaired: cand.repaired, gain, plausibility, garbledAvg, hardEvidence, swallowed: cand.swallowed, dropped: cand.dropped, unsureLast: cand.unsureLast };
}

export interface RunFix {
  start: number;
  end: number;
  /** the replacement text; "" when the run is stripped */
  replacement: string;
  kind: "mojibake-repaired" | "mojibake-stripped";
  /** the run ended in a "?" that may have swallowed a character of the text after it */
  swallowed: boolean;
  /** unsure characters at the run's edges that were left out */
  dropped: number;
  /** when the run's last character was left out: the characters its lead byte allows */
  unsureLast: string | null;
  /** the line whose text confirmed a left-out last character */
  confirmedBy?: number;
}

function hasHardEvidence(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isGarbleMark(text.charCodeAt(k))) return true;
  return false;
}

function decide(s: Scorer, text: string, at: number): RunFix | null {
  const j = judgeRun(s, text, at);
  if (!j) return null;
  if (j.repaired !== null && j.plausibility >= PLAUSIBLE && j.gain >= MIN_GAIN && j.repaired.trim() !== "") {
    return { start: at, end: j.end, replacement: j.repaired, kind: "mojibake-repaired", swallowed: j.swallowed, dropped: j.dropped, unsureLast: j.unsureLast };
  }
  if (!j.hardEvidence && j.garbledAvg > GARBLED) return null;
  // nothing believable restores it: strip it, as far as the text keeps reading as garbage
  let end = at + 1;
  for (const r of readings(text, at).sort((a, b) => a.end - b.end)) {
    const avg = scoreSpan(s, text, end, r.end) / Math.max(1, r.end - end);
    if (avg > GARBLED && !hasHardEvidence(text, end, r.end)) break;
    end = r.end;
  }
  return { start: at, end, replacement: "", kind: "mojibake-stripped", swallowed: false, dropped: 0, unsureLast: null };
}

/** A cheap test for a line worth a closer look, needing no dictionary: a garble mark, or a
 *  lost-byte mark against non-ASCII text. */
export function looksGarbled(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isGarbleMark(c)) return true;
    if (isLostMark(text[i])) {
      const next = text.charCodeAt(i + 1);
      const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
      if (next > 0x7f || (next > 0x20 && next < 0x7f && prev > 0x7f)) return true;
    }
  }
  return false;
}

/** The repairs and strips one line needs, left to right, without overlaps. */
export function findFixes(text: string, scorer: Scorer): RunFix[] {
  if (!looksGarbled(text)) return [];
  const fixes: RunFix[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLostMark(text[i])) {
      i++;
      continue;
    }
    const fix = decide(scorer, text, i);
    if (fix) {
      fixes.push(fix);
      i = fix.end;
    } else i++;
  }
  // garble marks outside every run: nothing to restore them from, and nothing they could mean
  const stray: RunFix[] = [];
  let f = 0;
  for (let k = 0; k < text.length; k++) {
    while (f < fixes.length && fixes[f].end <= k) f++;
    if (f < fixes.length && fixes[f].start <= k) continue;
    if (!isGarbleMark(text.charCodeAt(k))) continue;
    let e = k + 1;
    while (e < text.length && isGarbleMark(text.charCodeAt(e))) e++;
    stray.push({ start: k, end: e, replacement: "", kind: "mojibake-stripped", swallowed: false, dropped: 0, unsureLast: null });
    k = e - 1;
  }
  return [...fixes, ...stray].sort((a, b) => a.start - b.start);
}

/** A scorer for a document: the word model, and the script of the lines that look clean. */
export function scorerFor(texts: string[]): Scorer {
  return { m: wordModel(), script: scriptOf(texts.filter((t) => !looksGarbled(t))) };
}

/** The text of a line with its fixes applied. */
export function applyFixes(text: string, fixes: RunFix[]): string {
  let out = "";
  let pos = 0;
  for (const f of fixes) {
    out += text.slice(pos, f.start) + f.replacement;
    pos = f.end;
  }
  return out + text.slice(pos);
}

// ---------------------------------------------------------------------------------------------
// The step

/**
 * A heading's last character is often lost in the body (its byte fused with a tag) but kept in the
 * table of contents, where dot leaders follow it. When the text repaired elsewhere continues this
 * run with exactly one character that its known lead byte allows, that character is put back.
 */
export function confirmFromOtherLines(fixesByLine: RunFix[][], repairedTexts: string[]): void {
  fixesByLine.forEach((fixes, lineIndex) => {
    for (const f of fixes) {
      if (f.unsureLast === null) continue;
      const tag = f.replacement.endsWith("<") ? "<" : "";
      const prefix = f.replacement.slice(0, f.replacement.length - tag.length);
      const key = prefix.slice(-6);
      if ([...key].filter((ch) => isHan(ch.charCodeAt(0))).length < 3) continue;
      const seen = new Map<string, number>();
      repairedTexts.forEach((t, other) => {
        if (other === lineIndex) return;
        for (let at = t.indexOf(key); at >= 0; at = t.indexOf(key, at + 1)) {
          const next = t[at + key.length];
          if (next !== undefined && f.unsureLast!.includes(next)) seen.set(next, other);
        }
      });
      if (seen.size !== 1) continue;
      const [ch, other] = [...seen.entries()][0]!;
      f.replacement = prefix + ch + tag;
      f.dropped--;
      f.unsureLast = null;
      f.confirmedBy = other;
    }
  });
}

export const repairMojibake: CleanStep = (lines: Line[], ctx: StepContext): StepResult => {
  // clean input must cost nothing: the dictionary is only read once a line looks garbled
  if (!lines.some((l) => looksGarbled(l.text))) return { lines, notes: [], repairs: {} };
  const scorer = scorerFor(lines.map((l) => l.text));
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  const fixesByLine = lines.map((l) => findFixes(l.text, scorer));
  confirmFromOtherLines(fixesByLine, lines.map((l, i) => applyFixes(l.text, fixesByLine[i]!)));
  const out = lines.map((l, i) => {
    const fixes = fixesByLine[i]!;
    if (fixes.length === 0) return l;
    for (const f of fixes) {
      repairs[f.kind] = (repairs[f.kind] ?? 0) + 1;
      const caveats = [
        ...(f.confirmedBy !== undefined ? [`last character confirmed by line ${lines[f.confirmedBy]!.line}`] : []),
        ...(f.dropped ? [`${f.dropped} unsure character${f.dropped > 1 ? "s" : ""} left out`] : []),
        ...(f.swallowed ? ["a character after it may be lost"] : []),
      ];
      const caveat = caveats.length ? ` (${caveats.join("; ")})` : "";
      notes.push(note("clean", f.kind, ctx, l.line, `${l.text.slice(f.start, f.end)} → ${f.replacement}${caveat}`));
    }
    return { ...l, text: applyFixes(l.text, fixes) };
  });
  return { lines: out, notes, repairs };
};
