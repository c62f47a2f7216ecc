// Deciding each run of a line: repaired when a restoration reads as real Chinese and reads much better
// than the garbled text, stripped when nothing restores it and it does not read as Chinese either,
// left alone otherwise (a question mark that is a question mark).
import { DECISION, WINDOW } from "./costs.js";
import { hasGarbleMark, isGarbleMark, isLostMark, looksGarbled } from "./marks.js";
import { restore, type Candidate, type Picks } from "./restore.js";
import { readings } from "./runs.js";
import { scoreSpan, scoreSpliced, type Scorer } from "./scorer.js";
import { isHanCode } from "../../text/chars.js";

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

/** Judges the run that starts with the lost-byte mark at `at`; null when no run can start there. */
function judgeRun(s: Scorer, picks: Picks, text: string, at: number): Judgement | null {
  const rs = readings(text, at);
  if (rs.length === 0) return null;
  const spanEnd = Math.max(...rs.map((r) => r.end));
  const garbledScore = scoreSpan(s, text, at, spanEnd);
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
  const hardEvidence = hasGarbleMark(text, at, end);
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

const stripped = (start: number, end: number): RunFix => ({ start, end, replacement: "", kind: "mojibake-stripped", swallowed: false, dropped: 0, unsureLast: null });

/**
 * Is the run what a line that was never read out of step looks like, its "?" characters the page
 * could not show (索??引??號, ????編制)? Then what the run holds besides its "?" reads as Chinese
 * (or there is nothing besides them), where a misread run holds garbage (??茖W for 。科, ?;? for 模化).
 */
function onlyLostCharacters(s: Scorer, text: string, at: number, end: number): boolean {
  const withoutMarks = (t: string) => [...t].filter((ch) => !isLostMark(ch)).join("");
  const rest = withoutMarks(text.slice(at, end));
  if (rest === "") return true;
  // punctuation alone between the marks (?;? for 模化) is what a misread run looks like
  if (![...rest].some((ch) => isHanCode(ch.charCodeAt(0)))) return false;
  // read with the words around it, which may reach across the run's edges (索 引 號)
  const before = withoutMarks(text.slice(Math.max(0, at - WINDOW.context), at));
  const local = before + rest + withoutMarks(text.slice(end, end + WINDOW.context));
  return scoreSpan(s, local, before.length, local.length) / (local.length - before.length) > DECISION.garbled;
}

function decide(s: Scorer, picks: Picks, text: string, at: number): RunFix | null {
  const j = judgeRun(s, picks, text, at);
  if (!j) return null;
  if (!j.hardEvidence && onlyLostCharacters(s, text, at, j.end)) return null;
  if (j.repaired !== null && j.plausibility >= DECISION.plausible && j.gain >= DECISION.minGain && j.repaired.trim() !== "") {
    return { start: at, end: j.end, replacement: j.repaired, kind: "mojibake-repaired", swallowed: j.swallowed, dropped: j.dropped, unsureLast: j.unsureLast };
  }
  if (!j.hardEvidence && j.garbledAvg > DECISION.garbled) return null;
  // nothing believable restores it: strip it, as far as the text keeps reading as garbage
  let end = at + 1;
  for (const r of readings(text, at).sort((a, b) => a.end - b.end)) {
    const avg = scoreSpan(s, text, end, r.end) / Math.max(1, r.end - end);
    if (avg > DECISION.garbled && !hasGarbleMark(text, end, r.end)) break;
    end = r.end;
  }
  return stripped(at, end);
}

/** The repairs and strips one line needs, left to right, without overlaps. */
export function findFixes(text: string, scorer: Scorer, picks: Picks): RunFix[] {
  if (!looksGarbled(text)) return [];
  const fixes: RunFix[] = [];
  let i = 0;
  while (i < text.length) {
    if (!isLostMark(text[i])) {
      i++;
      continue;
    }
    const fix = decide(scorer, picks, text, i);
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
    stray.push(stripped(k, e));
    k = e - 1;
  }
  return [...fixes, ...stray].sort((a, b) => a.start - b.start);
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
