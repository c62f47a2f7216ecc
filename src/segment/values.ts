// Indicator values as printed in plan tables ("下降〔50%〕", "<0.14", "年亡人数不超过5人", "—") → the
// contract's Value. `raw` stays what the page printed, so a reader can always check a figure against
// the source; the other fields are what a comparison across counties needs.
import type { Value } from "../model.js";

export interface ParseValueOptions {
  /**
   * Bracket pairs that mark a five-year average, as the table's own footnote declares them
   * ("带〔〕指标为五年平均数" → ["〔〕"], "带（）指标为五年平均数" → ["（）", "()"]).
   * Without a footnote only 〔〕 counts: parentheses are too common (units, years) to mean it alone.
   */
  averageBrackets?: string[];
}

const DEFAULT_BRACKETS = ["〔〕"];

/** Words that carry the comparison. Longest first: 不超过 must win over 超过. */
const OP_WORDS: Array<[RegExp, NonNullable<Value["op"]>]> = [
  [/不超过|不高于|不大于|不多于|以内|以下|≤|<=|=</, "<="],
  [/不低于|不少于|不小于|以上|≥|>=|=>|达到/, ">="],
  [/小于|低于|少于|不足|</, "<"],
  [/大于|高于|超过|多于|>/, ">"],
];
const DECREASE = /下降|降低|减少|压减|降幅|减幅|削减/;
const INCREASE = /增长|提高|上升|增加|提升|增幅|增速/;
/** Printed when a figure is deliberately zero ("no such accident may happen"). */
const NONE_HAPPENS = /^(?:不发生|零发生|杜绝|零|为零|实现零)$/;
/** An empty cell printed as a dash or a slash: there is no figure. */
const NO_FIGURE = /^(?:[—–\-－―─‒]+|\/|／|无|暂无|空)$/;

const NUMBER = /\d+(?:\.\d+)?/;

/**
 * Whitespace inside a value is the PDF's letter spacing (下降 35%, 不超 过 5人), never meaning, so it
 * goes; the design keeps everything else as printed.
 */
export function cleanRaw(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, "");
}

/** Latin-compatible view for matching only: full-width signs and digits become ASCII. */
function comparable(raw: string): string {
  return raw
    .normalize("NFKC")
    .replace(/[＜﹤]/g, "<")
    .replace(/[＞﹥]/g, ">")
    .replace(/[≦]/g, "≤")
    .replace(/[≧]/g, "≥");
}

function bracketPairs(brackets: string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const b of brackets) {
    const chars = [...b];
    if (chars.length !== 2) continue;
    const [open, close] = chars as [string, string];
    pairs.push([open, close]);
    // NFKC folds full-width parentheses to ASCII, so the comparable text needs the folded pair too.
    const fo = open.normalize("NFKC"), fc = close.normalize("NFKC");
    if (fo !== open || fc !== close) pairs.push([fo, fc]);
  }
  return pairs;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function parseValue(rawIn: string, options: ParseValueOptions = {}): Value {
  const raw = cleanRaw(rawIn);
  const v: Value = { raw, op: null, value: null, unit: null, change: null, fiveYearAverage: false };
  if (raw === "" || NO_FIGURE.test(raw)) return v;
  if (NONE_HAPPENS.test(raw)) return { ...v, op: "=", value: 0 };

  let s = comparable(raw);
  for (const [open, close] of bracketPairs(options.averageBrackets ?? DEFAULT_BRACKETS)) {
    const re = new RegExp(`${escapeRe(open)}([^${escapeRe(open)}${escapeRe(close)}]*\\d[^${escapeRe(open)}${escapeRe(close)}]*)${escapeRe(close)}`);
    const m = re.exec(s);
    if (m) {
      v.fiveYearAverage = true;
      s = s.slice(0, m.index) + m[1] + s.slice(m.index + m[0].length);
      break;
    }
  }

  const num = NUMBER.exec(s);
  if (!num) return v;
  const before = s.slice(0, num.index);
  const after = s.slice(num.index + num[0].length);
  v.value = Number(num[0]);

  if (DECREASE.test(before)) v.change = "decrease";
  else if (INCREASE.test(before)) v.change = "increase";
  // "以内/以上" follow the number; every other comparison word precedes it.
  const context = before + " " + (after.match(/^[^\d]*/)?.[0] ?? "");
  for (const [re, op] of OP_WORDS) {
    if (re.test(context)) {
      v.op = op;
      break;
    }
  }
  if (v.op === null && /^=/.test(before.trim())) v.op = "=";

  const unit = after
    .replace(/^[)）〕\]]+/, "")
    .replace(/(?:以内|以下|以上|左右)$/, "")
    .replace(/[()（）〔〕[\]。，,;；]+/g, "")
    .trim();
  v.unit = unit === "" ? null : unit;
  return v;
}

const OP_SIGN: Record<NonNullable<Value["op"]>, string> = { "<": "<", "<=": "≤", ">": ">", ">=": "≥", "=": "=" };

function formatNumber(n: number): string {
  // Number → shortest decimal that reads back to the same number ("0.013", not "1.3e-2").
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toFixed(20).replace(/0+$/, "").replace(/\.$/, "");
}

/**
 * A canonical rendering: the same figure printed by different counties (＜0.01, <0.01, 小于0.01)
 * formats the same, and parsing the result gives back the same op/value/unit/change/average.
 * A value without a figure ("—", free text) is shown as printed.
 */
export function formatValue(v: Value): string {
  if (v.value === null) return v.raw;
  let body = formatNumber(v.value) + (v.unit ?? "");
  if (v.fiveYearAverage) body = `〔${body}〕`;
  const change = v.change === "decrease" ? "下降" : v.change === "increase" ? "增长" : "";
  const op = v.op ? OP_SIGN[v.op] : "";
  return change + op + body;
}
