// Word's automatic numbering, rendered as printed. A numbered paragraph holds no digits: it names a
// list (numId) and a level, and numbering.xml says how that level counts (decimal, 一二三, 甲乙丙…),
// what it prints ("%1、", "（%2）", "%3.") and when it starts again. Headings whose numbers live only
// here are what a text copy loses; rendering them keeps 一、 / （一） / 1. for the outline.
import { isCjkPunctuationCode } from "../text/chars.js";
import { all, attr, child, type XNode } from "./xml.js";

interface Level {
  start: number;
  format: string;
  text: string;
  /** the level after whose use this one starts again (0-based); -1: never; undefined: any higher */
  restartAfter?: number;
  legal: boolean;
  suffix: string;
}

interface Num {
  abstract: string;
  /** levels whose start this instance overrides, and the start */
  starts: Map<number, number>;
  levels: Map<number, Level>;
}

const val = (n: XNode | undefined): string | undefined => attr(n, "w:val");
const int = (n: XNode | undefined, dflt: number): number => {
  const v = Number.parseInt(val(n) ?? "", 10);
  return Number.isFinite(v) ? v : dflt;
};

function level(n: XNode): Level {
  const restart = child(n, "w:lvlRestart");
  return {
    start: int(child(n, "w:start"), 0),
    format: val(child(n, "w:numFmt")) ?? "decimal",
    text: val(child(n, "w:lvlText")) ?? "",
    restartAfter: restart ? int(restart, 0) - 1 : undefined,
    legal: child(n, "w:isLgl") !== undefined && val(child(n, "w:isLgl")) !== "0",
    suffix: val(child(n, "w:suff")) ?? "tab",
  };
}

const levelsOf = (n: XNode): Map<number, Level> => new Map(all(n, "w:lvl").map((l) => [Number.parseInt(attr(l, "w:ilvl") ?? "0", 10), level(l)]));

/** A paragraph style's numbering, and the style it is based on. */
interface StyleNum {
  numId?: string;
  ilvl?: number;
  basedOn?: string;
}

export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, Num>();
  private readonly styles = new Map<string, StyleNum>();
  /** counters per abstract list, by level; the instances that have applied their start overrides */
  private readonly counters = new Map<string, number[]>();
  private readonly started = new Set<string>();

  constructor(numbering: XNode | undefined, styles: XNode | undefined) {
    for (const a of all(numbering, "w:abstractNum")) this.abstracts.set(attr(a, "w:abstractNumId") ?? "", levelsOf(a));
    for (const n of all(numbering, "w:num")) {
      const starts = new Map<number, number>();
      const levels = new Map<number, Level>();
      for (const o of all(n, "w:lvlOverride")) {
        const ilvl = Number.parseInt(attr(o, "w:ilvl") ?? "0", 10);
        const so = child(o, "w:startOverride");
        if (so) starts.set(ilvl, int(so, 0));
        const l = child(o, "w:lvl");
        if (l) levels.set(ilvl, level(l));
      }
      this.nums.set(attr(n, "w:numId") ?? "", { abstract: val(child(n, "w:abstractNumId")) ?? "", starts, levels });
    }
    for (const s of all(styles, "w:style")) {
      if (attr(s, "w:type") !== "paragraph") continue;
      const numPr = child(child(s, "w:pPr"), "w:numPr");
      const ilvl = child(numPr, "w:ilvl");
      this.styles.set(attr(s, "w:styleId") ?? "", {
        numId: val(child(numPr, "w:numId")),
        ilvl: ilvl ? int(ilvl, 0) : undefined,
        basedOn: val(child(s, "w:basedOn")),
      });
    }
  }

  /** The number printed before a paragraph with these properties ("一、", "（二）", "3. "), or "". */
  prefix(pPr: XNode | undefined): string {
    const ref = this.reference(pPr);
    if (!ref) return "";
    const num = this.nums.get(ref.numId);
    const abstract = num && this.abstracts.get(num.abstract);
    if (!num || !abstract) return "";
    const lvl = (i: number): Level | undefined => num.levels.get(i) ?? abstract.get(i);
    const counts = this.counters.get(num.abstract) ?? [];
    this.counters.set(num.abstract, counts);
    if (!this.started.has(ref.numId)) {
      this.started.add(ref.numId);
      for (const [i, start] of num.starts) counts[i] = start - 1;
    }
    const here = lvl(ref.ilvl);
    if (!here) return "";
    counts[ref.ilvl] = (counts[ref.ilvl] ?? here.start - 1) + 1;
    // deeper levels start again after this one, unless they say otherwise
    for (let d = ref.ilvl + 1; d < 9; d++) {
      const l = lvl(d);
      const after = l?.restartAfter ?? d - 1;
      if (after >= 0 && ref.ilvl <= after) counts[d] = (l?.start ?? 1) - 1;
    }
    const printed = here.text.replace(/%([1-9])/g, (_, k: string) => {
      const i = Number(k) - 1;
      const l = lvl(i);
      const n = counts[i] ?? l?.start ?? 1;
      return formatNumber(n, here.legal && i !== ref.ilvl ? "decimal" : (l?.format ?? "decimal"));
    });
    if (here.format === "bullet" || here.format === "none") return "";
    // a tab after 一、 or （一） prints as nothing more; after 1. as a space
    const sep = here.suffix === "nothing" || (printed !== "" && isCjkPunctuationCode(printed.charCodeAt(printed.length - 1))) ? "" : " ";
    return printed === "" ? "" : printed + sep;
  }

  /** The list and level a paragraph is numbered by: its own, else its style's (through basedOn). */
  private reference(pPr: XNode | undefined): { numId: string; ilvl: number } | null {
    const numPr = child(pPr, "w:numPr");
    let numId = val(child(numPr, "w:numId"));
    let ilvl = child(numPr, "w:ilvl") ? int(child(numPr, "w:ilvl"), 0) : undefined;
    let style = val(child(pPr, "w:pStyle"));
    for (let depth = 0; style && depth < 10 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      style = s.basedOn;
    }
    if (numId === undefined || numId === "0") return null;
    return { numId, ilvl: Math.min(8, Math.max(0, ilvl ?? 0)) };
  }
}

const CN_DIGITS = "〇一二三四五六七八九";
/** counting writes its zero 零 (一百零五); digit by digit it is 〇 (二〇二一) */
const CN_COUNTING = "零一二三四五六七八九";
const CN_LEGAL = "零壹贰叁肆伍陆柒捌玖";
const TIANGAN = "甲乙丙丁戊己庚辛壬癸";
const DIZHI = "子丑寅卯辰巳午未申酉戌亥";

/** A counter as a numFmt prints it; formats not known here print as decimal. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "decimal":
      return String(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case "decimalEnclosedFullstop":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case "decimalEnclosedParen":
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return letters(n);
    case "lowerLetter":
      return letters(n).toLowerCase();
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "taiwaneseCounting":
    case "taiwaneseCountingThousand":
    case "koreanCounting":
      return chineseCounting(n, CN_COUNTING);
    case "chineseLegalSimplified":
    case "ideographLegalTraditional":
      return chineseCounting(n, CN_LEGAL).replace(/十/g, "拾").replace(/百/g, "佰").replace(/千/g, "仟");
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return [...String(n)].map((d) => CN_DIGITS[Number(d)]).join("");
    case "ideographTraditional":
      return n >= 1 && n <= 10 ? TIANGAN[n - 1] : String(n);
    case "ideographZodiac":
      return n >= 1 && n <= 12 ? DIZHI[n - 1] : String(n);
    default:
      return String(n);
  }
}

/** 1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 105 → 一百零五. */
export function chineseCounting(n: number, digits: string): string {
  if (n <= 0 || n >= 10000) return String(n);
  const units = ["", "十", "百", "千"];
  const ds = [...String(n)].map(Number);
  let out = "";
  let zero = false;
  ds.forEach((d, i) => {
    const unit = units[ds.length - 1 - i];
    if (d === 0) {
      zero = out !== "";
      return;
    }
    if (zero) out += digits[0];
    zero = false;
    out += d === 1 && unit === "十" && out === "" ? unit : digits[d] + unit;
  });
  return out;
}

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function letters(n: number): string {
  if (n <= 0) return String(n);
  // Word repeats the letter: 27 → AA, 28 → BB
  return String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
}
