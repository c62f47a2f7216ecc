// How well a span of text reads as Chinese: its best segmentation into dictionary words and single
// characters, as a log-probability. Han characters of the script the rest of the document is not in
// pay extra, since a decoding that yields them is probably wrong.
import type { Script } from "../../model.js";
import { simplifiedChar, traditionalChar } from "../opencc.js";
import { TOKEN, WINDOW } from "./costs.js";
import { isHanCode } from "../../text/chars.js";
import { bracketDelta, openedBefore, tokenLogProb } from "./tokens.js";
import { HASH_A, HASH_B, nextHashA, nextHashB, type WordModel } from "./words.js";

/** Buffers for segmenting a span: its code units, their simplified forms, what each costs for being
 *  of the other script, and the best score up to each position. Reused across the calls of one
 *  document (segmentation runs some hundred thousand times per garbled page, on spans of a few to a
 *  few hundred characters). */
interface Scratch {
  raw: Int32Array;
  simp: Int32Array;
  cost: Float64Array;
  best: Float64Array;
}

/** What a run is scored with: the word model and the script the rest of the document is in. */
export interface Scorer {
  m: WordModel;
  script: Script;
  scratch: Scratch;
}

export function newScorer(m: WordModel, script: Script): Scorer {
  return { m, script, scratch: { raw: new Int32Array(512), simp: new Int32Array(512), cost: new Float64Array(512), best: new Float64Array(513) } };
}

function reserve(s: Scratch, n: number): void {
  if (n <= s.raw.length) return;
  const size = Math.max(n, s.raw.length * 2);
  s.raw = new Int32Array(size);
  s.simp = new Int32Array(size);
  s.cost = new Float64Array(size);
  s.best = new Float64Array(size + 1);
}

/** Whether a character belongs to one script only, and so is out of place in text of the other. */
function foreignTo(script: Script, code: number): boolean {
  if (!isHanCode(code)) return false;
  return script === "traditional" ? simplifiedChar(code) === code && traditionalChar(code) !== code : simplifiedChar(code) !== code;
}

// foreignTo per script and code unit, as what it costs: 1 + cost, 0 until known
const foreignInTraditional = new Int8Array(0x10000);
const foreignInSimplified = new Int8Array(0x10000);

function foreignCost(table: Int8Array, script: Script, code: number): number {
  let v = table[code];
  if (v === 0) v = table[code] = 1 + (foreignTo(script, code) ? TOKEN.foreign : 0);
  return v - 1;
}

const foreignTable = (s: Scorer): Int8Array => (s.script === "traditional" ? foreignInTraditional : foreignInSimplified);

/** Best-segmentation log-probability of text[from, to), every Han character of the other script
 *  paying TOKEN.foreign. */
export function segmentScore(s: Scorer, text: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0) return 0;
  reserve(s.scratch, n);
  const raw = s.scratch.raw;
  for (let k = 0; k < n; k++) raw[k] = text.charCodeAt(from + k);
  return segmentRaw(s, n, from > 0 ? text.charCodeAt(from - 1) : -1, openedBefore(text, from));
}

/** segmentScore of the n code units in the scratch's raw, given the one before them (-1 for none)
 *  and the brackets open before them. */
function segmentRaw(s: Scorer, n: number, before: number, opened: number): number {
  const m = s.m;
  const { raw, simp, cost, best } = s.scratch;
  const foreign = foreignTable(s);
  for (let k = 0; k < n; k++) {
    const c = raw[k];
    simp[k] = simplifiedChar(c);
    cost[k] = foreignCost(foreign, s.script, c);
  }
  best.fill(-Infinity, 0, n + 1);
  best[0] = 0;
  const bucket = m.bucket;
  for (let i = 0; i < n; i++) {
    const here = best[i];
    const c = raw[i];
    const prev = i > 0 ? raw[i - 1] : before;
    const single = here + cost[i] + tokenLogProb(m, prev, c, opened);
    if (single > best[i + 1]) best[i + 1] = single;
    const first = simp[i];
    if (isHanCode(first) && bucket[first] !== bucket[first + 1]) {
      let pay = cost[i];
      let a = nextHashA(HASH_A, first);
      let b = nextHashB(HASH_B, first);
      const last = Math.min(n, i + WINDOW.maxWord);
      for (let j = i + 2; j <= last; j++) {
        const cj = simp[j - 1];
        if (!isHanCode(cj)) break;
        pay += cost[j - 1];
        if (j === i + 2) m.ensure(first);
        a = nextHashA(a, cj);
        b = nextHashB(b, cj);
        const w = m.logOf(a, b);
        if (w === w && here + w + pay > best[j]) best[j] = here + w + pay;
      }
    }
    opened = bracketDelta(opened, c);
  }
  return best[n];
}

/**
 * segmentRaw over codes[0, n) as a function of the code unit at codes[k], every other unit staying as
 * it is: what a pick asks for each of its hundred-odd options. What does not involve position k is
 * worked out once: the segmentation up to k, how far the words that start before k have come when
 * they reach it, and the words after it. Per option only the words across k and the single
 * characters after it are scored. Every score is the same sum of the same terms as segmentRaw's,
 * and a best score is a maximum, which the order of comparisons does not change.
 */
export function optionScorer(s: Scorer, raw: Int32Array, k: number, before: number, opened0: number): (c: number) => number {
  const m = s.m;
  const n = raw.length;
  const foreign = foreignTable(s);
  const bucket = m.bucket;
  const simp = new Int32Array(n);
  const cost = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (i === k) continue;
    simp[i] = simplifiedChar(raw[i]);
    cost[i] = foreignCost(foreign, s.script, raw[i]);
  }
  const starts = (code: number) => isHanCode(code) && bucket[code] !== bucket[code + 1];
  // the segmentation of raw[0, k): final, whatever stands at k
  const prefix = new Float64Array(k + 1).fill(-Infinity);
  prefix[0] = 0;
  // words from i < k still going at k: their hash pair and cost so far (alive[i] = 0 when not)
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
      let a = nextHashA(HASH_A, first);
      let b = nextHashB(HASH_B, first);
      const last = Math.min(n, i + WINDOW.maxWord);
      let j = i + 2;
      for (; j <= last && j <= k; j++) {
        const cj = simp[j - 1];
        if (!isHanCode(cj)) break;
        pay += cost[j - 1];
        if (j === i + 2) m.ensure(first);
        a = nextHashA(a, cj);
        b = nextHashB(b, cj);
        const w = m.logOf(a, b);
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
    let a = nextHashA(HASH_A, first);
    let b = nextHashB(HASH_B, first);
    const last = Math.min(n, i + WINDOW.maxWord);
    for (let j = i + 2; j <= last; j++) {
      const cj = simp[j - 1];
      if (!isHanCode(cj)) break;
      pay += cost[j - 1];
      if (j === i + 2) m.ensure(first);
      a = nextHashA(a, cj);
      b = nextHashB(b, cj);
      const w = m.logOf(a, b);
      if (w === w) found.push([j, w, pay]);
    }
  }
  const best = new Float64Array(n + 1);
  return (c) => {
    const sc = simplifiedChar(c);
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
      const last = Math.min(n, i + WINDOW.maxWord);
      for (let j = k + 1; j <= last; j++) {
        const cj = j - 1 === k ? sc : simp[j - 1];
        if (!isHanCode(cj)) break;
        pay += j - 1 === k ? cc : cost[j - 1];
        if (j === i + 2) m.ensure(simp[i]);
        a = nextHashA(a, cj);
        b = nextHashB(b, cj);
        const w = m.logOf(a, b);
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
        let a = nextHashA(HASH_A, sc);
        let b = nextHashB(HASH_B, sc);
        const last = Math.min(n, k + WINDOW.maxWord);
        for (let j = k + 2; j <= last; j++) {
          const cj = simp[j - 1];
          if (!isHanCode(cj)) break;
          pay += cost[j - 1];
          if (j === k + 2) m.ensure(sc);
          a = nextHashA(a, cj);
          b = nextHashB(b, cj);
          const w = m.logOf(a, b);
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
  const ctx = Math.max(0, from - WINDOW.context);
  return segmentScore(s, text, ctx, to) - segmentScore(s, text, ctx, from);
}

/**
 * scoreSpan(s, text', at, at + insert.length + end - resume) where text' is text with text[at, resume)
 * replaced by `insert`. Scoring reads no further back than the context and the characters whose
 * brackets it counts, so text' is built from there on, not from the start of what may be a long line.
 */
export function scoreSpliced(s: Scorer, text: string, at: number, insert: string, resume: number, end: number): number {
  const from = Math.max(0, at - WINDOW.context - WINDOW.lookBack);
  const local = text.slice(from, at) + insert + text.slice(resume, end);
  return scoreSpan(s, local, at - from, local.length);
}
