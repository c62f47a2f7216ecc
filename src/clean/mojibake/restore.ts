// Restoring one reading of a run. Its middle characters are decoded from the bytes as they pair up
// again; the first character lost its lead byte and the last may have lost its trail byte, so each is
// picked among the characters its known byte allows, by how well the text reads with it.
import { DECISION, WINDOW } from "./costs.js";
import { decodePair, leadOptions, trailOptions } from "./gbk.js";
import type { Reading } from "./runs.js";
import { optionScorer, segmentScore, type Scorer } from "./scorer.js";
import { isHanCode } from "../../text/chars.js";
import { openedBefore } from "./tokens.js";

export interface Pick {
  code: number;
  /** how much better the chosen character reads than the runner-up */
  margin: number;
}

export interface Candidate {
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

/** Picks already made for a document, by options and context: the readings of a run share its first
 *  byte and mostly the characters after it, and so mostly their picks of the first character; and a
 *  page repeats its garbled headings (title, contents, body). A pick depends on nothing else but the
 *  scorer, whose script is the document's. */
export type Picks = Map<number[], Map<string, Pick>>;

/** The best of `options` for the character between `left` and `right`, and its margin. */
function pickAmong(s: Scorer, options: number[], left: string, right: string): Pick {
  let best = -1;
  let bestScore = -Infinity;
  let second = -Infinity;
  // scoreSpan(s, left + c + right, left.length, …) for every option c: what it subtracts, the score
  // of the context before c, and the brackets open before that context are the same for all options
  const from = left.length;
  const ctx = Math.max(0, from - WINDOW.context);
  const before = ctx > 0 ? left.charCodeAt(ctx - 1) : -1;
  const opened = openedBefore(left, ctx);
  const contextScore = segmentScore(s, left, ctx, from);
  const codes = new Int32Array(from - ctx + 1 + right.length);
  for (let k = ctx; k < from; k++) codes[k - ctx] = left.charCodeAt(k);
  for (let k = 0; k < right.length; k++) codes[from - ctx + 1 + k] = right.charCodeAt(k);
  const score = optionScorer(s, codes, from - ctx, before, opened);
  for (const c of options) {
    const v = score(c) - contextScore;
    if (v > bestScore) {
      second = bestScore;
      bestScore = v;
      best = c;
    } else if (v > second) second = v;
  }
  return { code: best, margin: bestScore - second };
}

/** The best restoration of one reading, or null when its bytes do not decode. */
export function restore(s: Scorer, text: string, at: number, r: Reading, picks: Picks): Candidate | null {
  const b = r.bytes;
  // the original characters are (lost, b0)(b1 b2)(b3 b4)…(b[n-1], trail)
  const middle: number[] = [];
  for (let k = 1; k + 1 < r.length; k += 2) {
    const c = decodePair(b[k], b[k + 1]);
    if (c < 0) return null;
    middle.push(c);
  }
  const before = text.slice(Math.max(0, at - WINDOW.lookBack), at);
  let tail = "";
  let swallowed = false;
  if (r.swallowed) {
    // "/p>" without its "<": the swallowed byte is known from the tag it belonged to
    if (/^\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/.test(text.slice(r.end))) tail = "<";
    else swallowed = true;
  }
  const after = tail + text.slice(r.end, r.end + WINDOW.context);

  const pick = (options: number[], left: string, right: string): Pick => {
    let known = picks.get(options);
    if (known === undefined) picks.set(options, (known = new Map()));
    const key = left.length + ":" + left + right;
    let p = known.get(key);
    if (p === undefined) known.set(key, (p = pickAmong(s, options, left, right)));
    return p;
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
  let first = pick(firstOptions, before, mid.slice(0, WINDOW.context + 1));
  let last: Pick = { code: lastOptions[0], margin: Infinity };
  for (let round = 0; round < 2; round++) {
    if (lastOptions.length > 1) last = pick(lastOptions, (before + String.fromCharCode(first.code) + mid).slice(-WINDOW.lookBack), after);
    first = pick(firstOptions, before, (mid + String.fromCharCode(last.code) + after).slice(0, WINDOW.context + 1));
  }
  let head = String.fromCharCode(first.code);
  let end = String.fromCharCode(last.code);
  let dropped = 0;
  if (isHanCode(first.code) && first.margin < DECISION.sure) {
    head = "";
    dropped++;
  }
  let unsureLast: string | null = null;
  if (isHanCode(last.code) && last.margin < DECISION.sure) {
    end = "";
    dropped++;
    unsureLast = String.fromCharCode(...lastOptions);
  }
  const guessed = String.fromCharCode(first.code) + mid + String.fromCharCode(last.code) + tail;
  return { repaired: head + mid + end + tail, guessed, end: r.end, swallowed, dropped, unsureLast, first, last };
}
