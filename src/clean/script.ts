// Traditional → simplified with OpenCC's data-driven conversion chain, applied only when the text is
// traditional: converting simplified text "again" can still change a few characters (乾 → 干).
import type { Script } from "../model.js";
import { conversionIsSeparable, simplifiedChar, toSimplified } from "./opencc.js";
import { type CleanStep, type StepResult } from "./step.js";
import { isHanCode } from "../text/chars.js";

const isIds = (c: number): boolean => c >= 0x2ff0 && c <= 0x2fff;

/** How much text the script is judged on: plenty for a verdict, and bounded for a 50 MB input. */
const SAMPLE = 200_000;
/** The share of Han characters with another simplified form above which text is traditional: in
 *  simplified text it stays well under 1% (a stray 乾 or 於), in traditional text it is some 30%. */
const TRADITIONAL_SHARE = 0.02;

/** Share of the Han characters (of the first SAMPLE characters) that have another simplified form,
 *  character by character: near 0 for simplified text. */
export function traditionalShare(text: string): number {
  let han = 0;
  let changed = 0;
  const end = Math.min(text.length, SAMPLE);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isHanCode(c)) continue;
    han++;
    if (simplifiedChar(c) !== c) changed++;
  }
  return han === 0 ? 0 : changed / han;
}

/** The script a text is in. */
export function detectScript(text: string): Script {
  return traditionalShare(text) > TRADITIONAL_SHARE ? "traditional" : "simplified";
}

/**
 * The script of lines of text, as detectScript judges their text joined by line breaks; and when it
 * is traditional, each line converted as simplifyLines converts it, taken from one conversion of the
 * whole text when that is the same thing (null when it cannot be told).
 */
export function scriptOfLines(texts: string[]): { script: Script; simplified: string[] | null } {
  const text = texts.join("\n");
  const script = detectScript(text);
  if (script === "simplified" || !conversionIsSeparable()) return { script, simplified: null };
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) breaks++;
    else if (isIds(c)) return { script, simplified: null };
  }
  // a line holding a break of its own would shift every line after it
  if (breaks !== texts.length - 1) return { script, simplified: null };
  const lines = toSimplified(text).split("\n");
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
