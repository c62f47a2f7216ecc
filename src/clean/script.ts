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

const HAN = /[\u3400-\u9fff]/u;

/** How much text the script is judged on: plenty for a verdict, and bounded for a 50 MB input. */
const SAMPLE = 200_000;

/** Share of Han characters that the conversion would change: near 0 for simplified text. */
export function traditionalShare(text: string): number {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const converted = convertToSimplified(sample);
  let han = 0;
  let changed = 0;
  // OpenCC's t→cn table maps character for character, so positions line up; walk both strings
  // together rather than spreading them into arrays
  const a = sample[Symbol.iterator]();
  const b = converted[Symbol.iterator]();
  for (let x = a.next(), y = b.next(); !x.done && !y.done; x = a.next(), y = b.next()) {
    if (!HAN.test(x.value)) continue;
    han++;
    if (x.value !== y.value) changed++;
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
