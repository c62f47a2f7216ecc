// Traditional → simplified with OpenCC's data-driven conversion chain, applied only when the text is
// traditional: converting simplified text "again" can still change a few characters (乾 → 干).
import type { Script } from "../model.js";
import { conversionIsSeparable, toSimplified } from "./opencc.js";
import { type CleanStep, type StepResult } from "./step.js";

const isIds = (c: number): boolean => c >= 0x2ff0 && c <= 0x2fff;

/** How much text the script is judged on: plenty for a verdict, and bounded for a 50 MB input. */
const SAMPLE = 200_000;

/** Share of Han characters that the conversion would change: near 0 for simplified text. */
export function traditionalShare(text: string): number {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  return shareChanged(sample, toSimplified(sample));
}

function shareChanged(sample: string, converted: string): number {
  let han = 0;
  let changed = 0;
  // OpenCC's t→cn table maps character for character, so positions line up; walk both strings
  // together by character (a surrogate pair is one), by code unit rather than through iterators
  const stepOf = (s: string, i: number): number => {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) return 2;
    }
    return 1;
  };
  for (let i = 0, j = 0; i < sample.length && j < converted.length; ) {
    const x = sample.charCodeAt(i);
    const xs = stepOf(sample, i);
    const ys = stepOf(converted, j);
    // Han is in the BMP, so a character of two code units is never counted
    if (xs === 1 && x >= 0x3400 && x <= 0x9fff) {
      han++;
      if (ys !== 1 || converted.charCodeAt(j) !== x) changed++;
    }
    i += xs;
    j += ys;
  }
  return han === 0 ? 0 : changed / han;
}

/** Traditional when more than 2% of the Han characters have a different simplified form; in
 *  simplified text that share stays well under 1% (a stray 乾 or 於). */
export function detectScript(text: string): Script {
  return traditionalShare(text) > 0.02 ? "traditional" : "simplified";
}

/**
 * The script of lines of text, as detectScript judges their text joined by line breaks; and when it
 * is traditional, each line converted as simplifyLines converts it, taken from the conversion the
 * judgement made of the whole text when that is the same thing (null when it cannot be told).
 */
export function scriptOfLines(texts: string[]): { script: Script; simplified: string[] | null } {
  const text = texts.join("\n");
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const converted = toSimplified(sample);
  const script: Script = shareChanged(sample, converted) > 0.02 ? "traditional" : "simplified";
  if (script === "simplified" || sample !== text || !conversionIsSeparable()) return { script, simplified: null };
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (isIds(c)) return { script, simplified: null };
  }
  // a line holding a break of its own would shift every line after it
  if (breaks !== texts.length - 1) return { script, simplified: null };
  const lines = converted.split("\n");
  return { script, simplified: lines.length === texts.length ? lines : null };
}

/** The simplify step; `simplified`, when given, is each line's conversion, made already. */
export function simplifyLines(script: Script, simplified: string[] | null = null): CleanStep {
  return (lines, ctx): StepResult => {
    if (script === "simplified") return { lines, notes: [], repairs: {} };
    let changedLines = 0;
    const out = lines.map((l, i) => {
      const text = simplified !== null && simplified.length === lines.length ? simplified[i] : toSimplified(l.text);
      if (text !== l.text) changedLines++;
      return text === l.text ? l : { ...l, text };
    });
    return {
      lines: out,
      notes: [{ stage: "clean", kind: "traditional-to-simplified", source: ctx.source, line: null, message: `converted ${changedLines} lines from traditional to simplified characters` }],
      repairs: { "traditional-to-simplified": changedLines },
    };
  };
}
