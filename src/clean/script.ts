// Traditional → simplified with OpenCC's data-driven conversion chain, applied only when the text is
// traditional: converting simplified text "again" can still change a few characters (乾 → 干).
import * as OpenCC from "opencc-js";
import type { Script } from "../model.js";
import { type CleanStep, type StepResult } from "./step.js";

let toSimplified: ((s: string) => string) | null = null;
/** the tries of the fast converter, when it is the one in use */
let fastTries: TrieLike[] | null = null;

export function convertToSimplified(text: string): string {
  const convert = (toSimplified ??= fastConverter() ?? OpenCC.Converter({ from: "t", to: "cn" }));
  return convert(text);
}

// ---------------------------------------------------------------------------------------------
// OpenCC's t→cn, pass for pass, skipping what no dictionary entry starts with
//
// OpenCC.Converter({ from: "t", to: "cn" }) runs its preset "t2s": a normalization pass, then the
// TSPhrases + TSCharacters pass, each a Trie.convert that asks its trie at every character. Only
// about one character in twenty of simplified text starts an entry, and every text is converted
// once to judge its script. The passes below build the same tries from the same preset and produce
// the same strings, but step over a character that starts no entry (and is no surrogate or
// ideographic description character, which OpenCC steps over in its own way) with one table lookup.

interface TrieLike {
  map: Map<number, unknown>;
  loadDictGroup(group: unknown): void;
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}

/** Trie.convert's step over text with no match at `at`: an ideographic description sequence whole. */
function stepOver(text: string, at: number): number {
  const end = idsEnd(text, at);
  return end > at ? end - at : widthAt(text, at);
}

const widthAt = (text: string, at: number): number => (text.codePointAt(at)! > 0xffff ? 2 : 1);

function idsArity(c: number | undefined): number {
  if (c === undefined) return 0;
  return c >= 0x2ff0 && c <= 0x2ff1 ? 2 : c >= 0x2ff2 && c <= 0x2ff3 ? 3 : c >= 0x2ff4 && c <= 0x2fff ? 2 : 0;
}

function idsEnd(text: string, at: number): number {
  const arity = idsArity(text.codePointAt(at));
  if (arity === 0) return 0;
  let i = at + widthAt(text, at);
  for (let k = 0; k < arity; k++) {
    if (i >= text.length) return 0;
    i = idsEnd(text, i) || i + widthAt(text, i);
  }
  return i;
}

function pass(trie: TrieLike): (text: string) => string {
  // 1 where the trie must be asked: a BMP code unit that starts an entry, a surrogate (the code point
  // is decided with the next unit), an ideographic description character
  const ask = new Uint8Array(0x10000);
  for (const c of trie.map.keys()) if (c < 0x10000) ask[c] = 1;
  ask.fill(1, 0xd800, 0xe000);
  ask.fill(1, 0x2ff0, 0x3000);
  return (text) => {
    const parts: string[] = [];
    let run = -1;
    let matched = false;
    for (let i = 0; i < text.length; ) {
      if (ask[text.charCodeAt(i)] === 0) {
        if (run < 0) run = i;
        i++;
        continue;
      }
      const m = trie.matchPrefix(text, i);
      if (m) {
        if (run >= 0) parts.push(text.slice(run, i));
        run = -1;
        parts.push(m.value);
        i = m.end;
        matched = true;
      } else {
        if (run < 0) run = i;
        i += stepOver(text, i);
      }
    }
    if (!matched) return text;
    if (run >= 0) parts.push(text.slice(run));
    return parts.join("");
  };
}

/** The t→cn converter built from the preset, or null when the preset is not shaped as expected
 *  (then OpenCC's converter is used). */
function fastConverter(): ((text: string) => string) | null {
  const O = OpenCC as unknown as {
    Trie: new () => TrieLike;
    Locale: { configs?: Record<string, { normalizationChain?: unknown[]; segmentation?: unknown; conversionChain?: unknown[] }> };
  };
  const preset = O.Locale?.configs?.t2s;
  if (!O.Trie || !preset || preset.segmentation || !Array.isArray(preset.conversionChain)) return null;
  const tries: TrieLike[] = [];
  const trieOf = (group: unknown) => {
    const t = new O.Trie();
    t.loadDictGroup(group);
    if (!(t.map instanceof Map)) throw new Error("opencc-js: unexpected Trie");
    tries.push(t);
    return pass(t);
  };
  let passes: Array<(text: string) => string>;
  try {
    passes = [...(preset.normalizationChain ?? []), ...preset.conversionChain].map(trieOf);
  } catch {
    return null;
  }
  // that these passes give OpenCC's own strings is checked by test/clean/script.test.ts (seeds and
  // edge cases) against the installed opencc-js; checking it here too would build every trie twice
  fastTries = tries;
  return (text: string) => passes.reduce((t, p) => p(t), text);
}

const isIds = (c: number): boolean => c >= 0x2ff0 && c <= 0x2fff;

let separable: boolean | null = null;

/**
 * Whether converting text line by line gives the lines of the text converted whole: true when no
 * entry of the tries holds a line break (so no match reaches across one) and no replacement holds one
 * or an ideographic description character (which the next pass steps over as a whole, operands and
 * all). Text with a description character of its own is checked by the caller.
 */
function conversionIsSeparable(): boolean {
  if (separable !== null) return separable;
  separable = fastTries !== null;
  const walk = (node: Map<number, unknown> & { trie_val?: unknown }): void => {
    const v = node.trie_val;
    if (v !== undefined) {
      if (typeof v !== "string") separable = false;
      else for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === 0x0a || isIds(v.charCodeAt(i))) separable = false;
    }
    for (const [c, child] of node) {
      if (c === 0x0a) separable = false;
      walk(child as Map<number, unknown>);
    }
  };
  for (const t of fastTries ?? []) walk(t.map);
  return separable;
}

/** How much text the script is judged on: plenty for a verdict, and bounded for a 50 MB input. */
const SAMPLE = 200_000;

/** Share of Han characters that the conversion would change: near 0 for simplified text. */
export function traditionalShare(text: string): number {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  return shareChanged(sample, convertToSimplified(sample));
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
  const converted = convertToSimplified(sample);
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
      const text = simplified !== null && simplified.length === lines.length ? simplified[i] : convertToSimplified(l.text);
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
