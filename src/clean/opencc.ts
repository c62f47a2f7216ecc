// The one owner of opencc-js. Both conversions the pipeline makes are built here from OpenCC's own
// presets and tries, so that they give OpenCC's strings at a fraction of its cost:
//  - traditional → simplified of whole texts (the preset "t2s", as OpenCC.Converter({ from: "t",
//    to: "cn" }) runs it), stepping over the characters that start no dictionary entry (19 in 20 of
//    simplified text) with one table lookup instead of asking the trie at each;
//  - one character at a time, both ways (the presets "tw2s" and "s2tw" with their one-character
//    entries only): the mojibake scorer asks for single characters, and OpenCC's full converters
//    hold some 40 MB of phrase tries that a single character can never match.
// They read opencc-js's internals (Locale.configs, Trie); when an upgrade changes those, they fall
// back to OpenCC's public Converter, and test/clean/opencc.test.ts fails loudly.
import * as OpenCC from "opencc-js";
import { codePointCount, isHanCode } from "../text/chars.js";

type DictGroup = Array<string | string[][]>;

interface Preset {
  normalizationChain?: DictGroup[];
  segmentation?: unknown;
  conversionChain?: DictGroup[];
}

type TrieNode = Map<number, unknown> & { trie_val?: unknown };

interface Trie {
  map: TrieNode;
  loadDictGroup(group: DictGroup): void;
  matchPrefix(text: string, offset: number): { end: number; value: string } | null;
}

interface OpenCCInternals {
  Trie?: new () => Trie;
  Locale?: { configs?: Record<string, Preset> };
}

const internals = OpenCC as unknown as OpenCCInternals;

/** A preset's passes, normalization first, each a dictionary group; null when opencc-js does not
 *  hold the preset in the shape read here, or segments the text first (which a pass does not). */
function presetPasses(name: string, segmented: "allowed" | "not allowed"): DictGroup[] | null {
  const preset = internals.Locale?.configs?.[name];
  if (!preset || !Array.isArray(preset.conversionChain) || typeof internals.Trie !== "function") return null;
  if (preset.segmentation && segmented === "not allowed") return null;
  return [...(preset.normalizationChain ?? []), ...preset.conversionChain];
}

function trieOf(group: DictGroup): Trie {
  const t = new internals.Trie!();
  t.loadDictGroup(group);
  if (!(t.map instanceof Map) || typeof t.matchPrefix !== "function") throw new Error("opencc-js: unexpected Trie");
  return t;
}

// ---------------------------------------------------------------------------------------------
// A pass: Trie.convert, stepping over what starts no entry

const isIds = (c: number): boolean => c >= 0x2ff0 && c <= 0x2fff;
const widthAt = (text: string, at: number): number => (text.codePointAt(at)! > 0xffff ? 2 : 1);

/** How many operands an ideographic description character takes (0 for any other character). */
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

/** Trie.convert's step over text with no match at `at`: an ideographic description sequence whole. */
function stepOver(text: string, at: number): number {
  const end = idsEnd(text, at);
  return end > at ? end - at : widthAt(text, at);
}

/** Trie.convert(text), asking the trie only where it can match. */
function pass(trie: Trie): (text: string) => string {
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

const chain = (passes: Array<(text: string) => string>) => (text: string) => passes.reduce((t, p) => p(t), text);

// ---------------------------------------------------------------------------------------------
// Whole texts, traditional → simplified

interface WholeText {
  convert: (text: string) => string;
  /** the tries of the passes; null when OpenCC's own converter is in use */
  tries: Trie[] | null;
}

let wholeText: WholeText | null = null;

function wholeTextConverter(): WholeText {
  if (wholeText) return wholeText;
  const groups = presetPasses("t2s", "not allowed");
  try {
    if (groups) {
      const tries = groups.map(trieOf);
      return (wholeText = { convert: chain(tries.map(pass)), tries });
    }
  } catch {
    // the preset is not what it was: OpenCC's own converter below
  }
  return (wholeText = { convert: OpenCC.Converter({ from: "t", to: "cn" }), tries: null });
}

/** Traditional → simplified, as OpenCC.Converter({ from: "t", to: "cn" }) converts. */
export function toSimplified(text: string): string {
  return wholeTextConverter().convert(text);
}

let separable: boolean | null = null;

/**
 * Whether converting text line by line gives the lines of the text converted whole: true when no
 * entry of the tries holds a line break (so no match reaches across one) and no replacement holds one
 * or an ideographic description character (which the next pass steps over as a whole, operands and
 * all). Text with a description character of its own is checked by the caller.
 */
export function conversionIsSeparable(): boolean {
  if (separable !== null) return separable;
  const { tries } = wholeTextConverter();
  let ok = tries !== null;
  const walk = (node: TrieNode): void => {
    const v = node.trie_val;
    if (v !== undefined) {
      if (typeof v !== "string") ok = false;
      else for (let i = 0; i < v.length; i++) if (v.charCodeAt(i) === 0x0a || isIds(v.charCodeAt(i))) ok = false;
    }
    for (const [c, child] of node) {
      if (c === 0x0a) ok = false;
      walk(child as TrieNode);
    }
  };
  for (const t of tries ?? []) walk(t.map);
  return (separable = ok);
}

// ---------------------------------------------------------------------------------------------
// One character

interface OneCharacter {
  convert: (s: string) => string;
  fromInternals: boolean;
}

/** A dictionary group with its one-character entries only: all a one-character text can match.
 *  A dictionary left empty is left out (a Trie refuses an empty dictionary string). */
function oneCharacterEntries(group: DictGroup): DictGroup {
  return group
    .map((dict) =>
      typeof dict === "string"
        ? dict
            .split("|")
            .filter((entry) => {
              const key = entry.slice(0, entry.indexOf(" "));
              return key.length === 1 || (key.length === 2 && key.codePointAt(0)! > 0xffff);
            })
            .join("|")
        : dict.filter(([key]) => codePointCount(key) === 1),
    )
    .filter((dict) => dict.length > 0);
}

function oneCharacterConverter(preset: "tw2s" | "s2tw"): OneCharacter {
  const groups = presetPasses(preset, "allowed");
  try {
    // a one-character text is one segment, whatever the preset's segmentation
    if (groups) return { convert: chain(groups.map((g) => pass(trieOf(oneCharacterEntries(g))))), fromInternals: true };
  } catch {
    // the preset is not what it was: OpenCC's own converter below
  }
  const [from, to] = preset === "tw2s" ? (["tw", "cn"] as const) : (["cn", "tw"] as const);
  return { convert: OpenCC.Converter({ from, to }), fromInternals: false };
}

let toSimplifiedChar: OneCharacter | null = null;
let toTraditionalChar: OneCharacter | null = null;
// per code unit, 0 until converted: a conversion never yields U+0000, so 0 is free as "not yet"
const simplifiedUnits = new Int32Array(0x10000);
const traditionalUnits = new Int32Array(0x10000);

function convertUnit(cache: Int32Array, converter: OneCharacter, code: number): number {
  let s = cache[code];
  if (s === 0) {
    const out = converter.convert(String.fromCharCode(code));
    s = out.length === 1 ? out.charCodeAt(0) : code;
    cache[code] = s;
  }
  return s;
}

/** The simplified form of a Han character (Taiwan's forms read as traditional), by code unit; any
 *  other code unit as it is. */
export function simplifiedChar(code: number): number {
  if (!isHanCode(code)) return code;
  return convertUnit(simplifiedUnits, (toSimplifiedChar ??= oneCharacterConverter("tw2s")), code);
}

/** The traditional (Taiwan) form of a Han character, by code unit; any other code unit as it is. */
export function traditionalChar(code: number): number {
  if (!isHanCode(code)) return code;
  return convertUnit(traditionalUnits, (toTraditionalChar ??= oneCharacterConverter("s2tw")), code);
}

/** The one-character conversions as functions of strings, for the test against OpenCC. */
export function characterConverter(preset: "tw2s" | "s2tw"): (s: string) => string {
  return oneCharacterConverter(preset).convert;
}

/** Whether every conversion runs on opencc-js's internals as read here (false for one that fell
 *  back to OpenCC's converter): the test that an upgrade changed nothing they read. */
export function openccInternalsInUse(): { wholeText: boolean; oneCharacter: boolean } {
  return {
    wholeText: wholeTextConverter().tries !== null,
    oneCharacter: oneCharacterConverter("tw2s").fromInternals && oneCharacterConverter("s2tw").fromInternals,
  };
}
