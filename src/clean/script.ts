// Traditional → simplified with OpenCC's data-driven conversion chain, applied only when the text is
// traditional: converting simplified text "again" can still change a few characters (乾 → 干).
import * as OpenCC from "opencc-js";
import type { Script } from "../model.js";
import { type CleanStep, type StepResult } from "./step.js";

let toSimplified: ((s: string) => string) | null = null;

export function convertToSimplified(text: string): string {
  const convert = (toSimplified ??= OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(text);
}

/** How much text the script is judged on: plenty for a verdict, and bounded for a 50 MB input. */
const SAMPLE = 200_000;

/** Share of Han characters that the conversion would change: near 0 for simplified text. */
export function traditionalShare(text: string): number {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const converted = convertToSimplified(sample);
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

export function simplifyLines(script: Script): CleanStep {
  return (lines, ctx): StepResult => {
    if (script === "simplified") return { lines, notes: [], repairs: {} };
    let changedLines = 0;
    const out = lines.map((l) => {
      const text = convertToSimplified(l.text);
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
