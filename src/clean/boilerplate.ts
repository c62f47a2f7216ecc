// Boilerplate that government sites wrap around a plan: the record's metadata block, site chrome
// (banners, breadcrumbs, share/print links, ICP and 网站标识码 footers), a table of contents (found by
// contents.ts), and injected spam. Rules describe what such lines are on any government site, not these pages' strings.
// Every dropped line becomes a note; the metadata block is kept as key–value pairs.
import type { Line, Note } from "../model.js";
import { note } from "../notes.js";
import { atMostCodePoints as atMost, HAN } from "../text/chars.js";
import { findContents } from "./contents.js";
import { BREADCRUMB_START, CASINO_PAGE_TITLES, SHARING_PAGE_LABEL, EDGE_FURNITURE, RECORD_KEYS, SITE_FURNITURE, SPAM_TERMS, SPAM_THRESHOLD, TITLE_AMID_CHROME } from "./boilerplate-vocabulary.js";
import { type StepContext, type StepResult } from "./step.js";

/** How far boilerplate reaches, in lines and characters (code points). */
const LIMITS = {
  /** the head and foot of a page where header and footer blocks are looked for: 15% of its lines, at least 12 */
  edgeShare: 0.15,
  edgeMinLines: 12,
  /** a filler line between chrome lines (a site's name, a banner): short, and no clause in it */
  fillerChars: 24,
  /** filler lines in a row a header or footer block reaches across */
  fillerRun: 3,
  /** a chrome line: a furniture phrase in a line this short, or an edge word in one shorter still */
  chromeLineChars: 120,
  edgeWordLineChars: 40,
  /** anywhere in the page: a furniture phrase in a line this short is furniture, and so is spam */
  furnitureLineChars: 60,
  spamLineChars: 40,
  /** a short line with spam keeps what is left when that holds this many Han characters and a clause mark */
  spamSentenceHan: 8,
  /** a document's title standing between chrome lines is at most this long */
  titleAmidChromeChars: 60,
  /** a metadata line of one key is prose when its value is longer, or it has a sentence end */
  metaValueChars: 80,
  /** the part of a dropped line its note quotes */
  excerptChars: 40,
} as const;

const alternatives = (groups: Record<string, readonly string[]>): string => Object.values(groups).flat().join("|");

/** Record keys as printed: spaces inside a key are typesetting (索 引 号), longer keys tried first. */
const META_KEYS: string[] = Object.values(RECORD_KEYS).flat();
// spaces inside a key are typesetting (索 引 号), and so are the "?" a page printed for spaces it could not show (索??引??号)
const spaced = (key: string) => [...key].join("[\\s?？]*");
const META_KEY_ALT = META_KEYS.map(spaced).sort((a, b) => b.length - a.length).join("|");
// a key after a space, a bar, a bracket ([发文字号]) or a slash joining two keys (备注/文号), or glued
// to the value before it when a colon follows it (信息类别：规划计划公开方式：主动公开生成日期：…)
const META_KEY_RE = new RegExp(`(?:(?:^|[\\s\\t|/／])[\\[【]?(${META_KEY_ALT})[\\]】]?\\s*[:：]?|(${META_KEY_ALT})\\s*[:：])`, "gu");

/** Lines that are site furniture wherever they stand. */
const CHROME_STRONG = new RegExp(alternatives(SITE_FURNITURE), "iu");
const PAGE_LABEL = new RegExp(SHARING_PAGE_LABEL, "iu");

/** A breadcrumb line, however many crumbs are glued into it. */
const BREADCRUMB = new RegExp(BREADCRUMB_START.join("|"), "u");
/** Words that are chrome only in a short line at the head or foot of a page. */
const CHROME_WEAK = new RegExp(alternatives(EDGE_FURNITURE), "u");

const SPAM: ReadonlyArray<readonly [string, number]> = Object.values(SPAM_TERMS).flat();
const CASINO_PAGE_TITLE = new RegExp(CASINO_PAGE_TITLES.join("|"), "iu");

// spamScore runs on every line and every clause, so its terms are looked for in one pass: terms without
// case (all the Chinese ones) are found in the text itself, by their first character, since lowering
// the case changes no Han character; only the others need the lowered text.
const CASELESS = SPAM.map(([t]) => t.toLowerCase() === t && t.toUpperCase() === t);
const BY_FIRST = new Map<number, number[]>();
SPAM.forEach(([t], k) => {
  if (!CASELESS[k]) return;
  const list = BY_FIRST.get(t.charCodeAt(0)) ?? [];
  list.push(k);
  BY_FIRST.set(t.charCodeAt(0), list);
});
// a term with case ("av在线") is in the lowered text only if its Han characters are in the text
const HAN_RUN = new RegExp(`[${HAN}]+`, "gu");
const GATE = SPAM.map(([t]) => (t.match(HAN_RUN) ?? []).sort((a, b) => b.length - a.length)[0] ?? "");
const FIRSTS = new Uint8Array(0x10000);
for (const c of BY_FIRST.keys()) FIRSTS[c] = 1;
const seen = new Uint8Array(SPAM.length);

export function spamScore(text: string): number {
  seen.fill(0);
  for (let i = 0; i < text.length; i++) {
    if (FIRSTS[text.charCodeAt(i)] === 0) continue;
    for (const k of BY_FIRST.get(text.charCodeAt(i))!) if (seen[k] === 0 && text.startsWith(SPAM[k][0], i)) seen[k] = 1;
  }
  let lower: string | null = null;
  let score = 0;
  for (let k = 0; k < SPAM.length; k++) {
    if (CASELESS[k]) {
      if (seen[k] === 1) score += SPAM[k][1];
    } else if (text.includes(GATE[k]) && (lower ??= text.toLowerCase()).includes(SPAM[k][0])) score += SPAM[k][1];
  }
  return score;
}

export type Meta = Record<string, string>;

/** What a date or a counter's value looks like, so that the text a page glued after it can be told
 *  from it (发布时间：2024-01-07 浏览次数：次应急管理是…). */
const SHORT_VALUE = /^(?:(?:19|20)\d{2}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?|\d*\s*次?)/u;

/** A metadata line and the document's text a page glued to its end, when it did: the last field's
 *  value is a date or a count, and a sentence follows it. */
export function splitMetaLine(text: string): { meta: Meta; rest: string } | null {
  const meta = parseMetaLine(text);
  if (!meta || !/[。；]/u.test(text)) return null;
  const hits = [...text.matchAll(META_KEY_RE)];
  const lastHit = hits[hits.length - 1]!;
  const key = (lastHit[1] ?? lastHit[2]!).replace(/[\s?？]+/g, "");
  const after = text.slice(lastHit.index! + lastHit[0].length).replace(/^[\s:：|]+/u, "");
  const value = SHORT_VALUE.exec(after)![0];
  const rest = after.slice(value.length).trim();
  if (!/[。；]/u.test(rest) || /[。；]/u.test(text.slice(0, lastHit.index!))) return null;
  const fields: Meta = { ...meta };
  if (value.trim()) fields[key] = value.trim();
  else delete fields[key];
  return { meta: fields, rest };
}

/** Key–value pairs of a metadata line, or null when the line is not one (it must start with a key). */
export function parseMetaLine(text: string): Meta | null {
  const hits = [...text.matchAll(META_KEY_RE)];
  if (hits.length === 0) return null;
  const first = hits[0];
  // a record's fields may be printed as a list ("- 时间：…")
  if (text.slice(0, first.index).trim().replace(/[|\t\-·•]/g, "") !== "") return null;
  if (first[2] !== undefined && first.index !== 0) return null;
  const meta: Meta = {};
  hits.forEach((m, i) => {
    const key = (m[1] ?? m[2]!).replace(/[\s?？]+/g, "");
    const start = m.index! + m[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index! : text.length;
    const raw = text.slice(start, end).replace(/^[\s:：|]+|[\s|]+$/g, "");
    // a cell spanning columns is repeated in each (colspan expanded): one copy is the value
    const value = raw.split(/\t+/).map((c) => c.trim()).filter((c, k, cells) => c !== "" && c !== cells[k - 1]).join(" ").trim();
    if (value && !(key in meta)) meta[key] = value;
  });
  // a line that is one key with a sentence after it is prose that happens to begin with 标题 or 来源
  const valueLength = Object.values(meta).join("").length;
  if (Object.keys(meta).length === 1 && (valueLength > LIMITS.metaValueChars || /[。；]/.test(text))) return null;
  return Object.keys(meta).length > 0 || hits.length > 1 ? meta : null;
}

/** A record's key alone on its line, its value on the next (• 文件名称： / 金华…应急预案). */
const KEY_ONLY = new RegExp(`^[\\s•·\\-]*[\\[【]?(${META_KEY_ALT})[\\]】]?\\s*[:：]\\s*$`, "u");

/** The record's fields printed a key per line with the value on the line after it: each key line's
 *  index with its key and value. */
function keyValueLines(lines: Line[], indices: number[]): Map<number, { key: string; value: string }> {
  const out = new Map<number, { key: string; value: string }>();
  for (let k = 0; k + 1 < indices.length; k++) {
    const m = KEY_ONLY.exec(lines[indices[k]!]!.text);
    const next = lines[indices[k + 1]!]!.text.trim();
    if (m && next && !KEY_ONLY.test(next) && !parseMetaLine(next) && atMost(next, LIMITS.metaValueChars)) out.set(k, { key: m[1]!.replace(/[\s?？]+/g, ""), value: next });
  }
  return out;
}

/** A document's title (a plan, a contingency plan, an interpretation …) standing between chrome lines is
 *  the page's content, not a banner. */
const TITLE_END = new RegExp(TITLE_AMID_CHROME, "u");
/** A path of a site's sections (首页 > 信息公开 > 规划计划): navigation, whatever its last crumb says. */
const CRUMB_PATH = /[>＞»]{1,2}[^>＞»]+[>＞»]/u;
const isTitleAmidChrome = (t: string) => atMost(t, LIMITS.titleAmidChromeChars) && !/[，。；]/.test(t) && TITLE_END.test(t.trim()) && !CHROME_STRONG.test(t) && !CRUMB_PATH.test(t);
const isShortFiller = (t: string) => atMost(t, LIMITS.fillerChars) && !/[，。；]/.test(t) && !isTitleAmidChrome(t);
const isChromeLine = (t: string) =>
  atMost(t, LIMITS.chromeLineChars) && (CHROME_STRONG.test(t) || (CHROME_WEAK.test(t) && atMost(t, LIMITS.edgeWordLineChars) && !/[。；]/.test(t)));

/** What boilerplate drops a line as; its note kind is the name with "-dropped". */
type Dropped = "site-meta" | "site-chrome" | "spam" | "toc";

interface Classified {
  meta: Meta;
  /** the line each key of `meta` was read from */
  metaLines: Record<string, Line>;
  drop: Map<number, { kind: Dropped; why: string }>;
  /** lines whose metadata prefix was taken out: the document's text that follows it */
  rest: Map<number, string>;
}

/** Header and footer blocks: from the file's edge to the last chrome or metadata line near it, with
 *  short filler lines (a site's name, a banner) between them dropped too. */
function classifyEdges(lines: Line[], out: Classified): void {
  const zone = Math.max(LIMITS.edgeMinLines, Math.floor(lines.length * LIMITS.edgeShare));
  const edge = (indices: number[]) => {
    let last = -1;
    let gap = 0;
    const pairs = keyValueLines(lines, indices);
    const pairedValue = new Set([...pairs.keys()].map((k) => k + 1));
    for (const [k, i] of indices.entries()) {
      const t = lines[i].text;
      const meta = parseMetaLine(t);
      if (meta || pairs.has(k) || pairedValue.has(k) || isChromeLine(t) || spamScore(t) >= SPAM_THRESHOLD) {
        last = k;
        gap = 0;
      } else if (isShortFiller(t) && gap < LIMITS.fillerRun) gap++;
      else if (!isTitleAmidChrome(t)) break;
    }
    for (let k = 0; k <= last; k++) {
      const i = indices[k];
      const t = lines[i].text;
      const pair = pairs.get(k) ?? pairs.get(k - 1);
      if (pair) {
        if (!(pair.key in out.meta)) {
          out.meta[pair.key] = pair.value;
          // read from the key's line and its value's, the next in reading order
          const value = lines[indices[pairs.has(k) ? k + 1 : k - 1]!]!;
          out.metaLines[pair.key] = { text: t, line: Math.min(lines[i].line, value.line), end: Math.max(lines[i].end ?? lines[i].line, value.end ?? value.line) };
        }
        out.drop.set(i, { kind: "site-meta", why: "metadata of the web record (a key, its value on the next line), kept as key–value pairs" });
        continue;
      }
      const meta = parseMetaLine(t);
      // the record's 名称 or 标题 field ends like a title but is the record's: kept as metadata
      if (!meta && isTitleAmidChrome(t)) continue;
      if (meta) {
        const glued = splitMetaLine(t);
        for (const [key, v] of Object.entries(glued?.meta ?? meta)) {
          if (key in out.meta) continue;
          out.meta[key] = v;
          out.metaLines[key] = lines[i];
        }
        out.drop.set(i, { kind: "site-meta", why: "metadata of the web record, kept as key–value pairs" });
        if (glued) out.rest.set(i, glued.rest);
      } else if (spamScore(t) >= SPAM_THRESHOLD) out.drop.set(i, { kind: "spam", why: "injected spam" });
      else out.drop.set(i, { kind: "site-chrome", why: isChromeLine(t) ? "site header/footer" : "site banner text between chrome lines" });
    }
  };
  const n = lines.length;
  edge([...Array(Math.min(zone, n)).keys()]);
  edge([...Array(Math.min(zone, n)).keys()].map((k) => n - 1 - k));
}

/** Spam spans inside a line: from the first to the last spam term of a clause that scores as spam. */
export function stripSpamSpans(text: string): { text: string; removed: string[] } {
  // a clause has no term the whole line lacks: a line under the threshold has no spam clause
  if (spamScore(text) < SPAM_THRESHOLD) return { text, removed: [] };
  const removed: string[] = [];
  const result = text.replace(/[^，。；！？,.;!?\s]+/gu, (clause) => {
    if (spamScore(clause) < SPAM_THRESHOLD) return clause;
    const lower = clause.toLowerCase();
    let start = clause.length;
    let end = 0;
    for (const [term] of SPAM) {
      const at = lower.indexOf(term);
      if (at >= 0) {
        start = Math.min(start, at);
        end = Math.max(end, at + term.length);
      }
    }
    // a site's code glued to a term (js4399金沙线, 亚洲av) goes with it: letters, maybe with digits
    const code = /[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*$/u.exec(clause.slice(0, start));
    if (code) start -= code[0].length;
    const after = /^[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*/u.exec(clause.slice(end));
    if (after) end += after[0].length;
    removed.push(clause.slice(start, end));
    return clause.slice(0, start) + clause.slice(end);
  });
  return { text: result, removed };
}

/** A short line with spam in it is a sentence of the document when what is left without the spam
 *  is one: enough Chinese, and a clause mark (全县建成应急避难场所十二处【spam】，覆盖全部乡镇。). */
function keepsSentence(text: string): boolean {
  const rest = stripSpamSpans(text).text;
  const han = [...rest.matchAll(new RegExp(`[${HAN}]`, "gu"))].length;
  return han >= LIMITS.spamSentenceHan && /[，。；]/u.test(rest);
}

export interface BoilerplateResult extends StepResult {
  meta: Meta;
  /** the line each key of `meta` was read from */
  metaLines: Record<string, Line>;
}

export function removeBoilerplate(lines: Line[], ctx: StepContext): BoilerplateResult {
  const found: Classified = { meta: {}, metaLines: {}, drop: new Map(), rest: new Map() };
  classifyEdges(lines, found);
  for (const [i, why] of findContents(lines, new Set(found.drop.keys()))) found.drop.set(i, { kind: "toc", why });
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  const kept: Line[] = [];
  lines.forEach((l, i) => {
    let dropped = found.drop.get(i);
    // isChromeLine(t) && CHROME_STRONG.test(t) && a short line is just a short line of strong chrome
    if (!dropped && atMost(l.text, LIMITS.furnitureLineChars) && CHROME_STRONG.test(l.text)) dropped = { kind: "site-chrome", why: "site furniture" };
    if (!dropped && atMost(l.text, LIMITS.chromeLineChars) && BREADCRUMB.test(l.text.trim())) dropped = { kind: "site-chrome", why: "a breadcrumb" };
    if (!dropped && atMost(l.text, LIMITS.spamLineChars) && (spamScore(l.text) >= SPAM_THRESHOLD || (CASINO_PAGE_TITLE.test(l.text) && !/[，。；]/u.test(l.text))) && !keepsSentence(l.text)) dropped = { kind: "spam", why: "injected spam" };
    // a sharing site's page label names the document: its name is kept as the record's file name
    const label = dropped?.kind === "site-chrome" ? PAGE_LABEL.exec(l.text.trim()) : null;
    if (label && !("文件名称" in found.meta)) found.meta["文件名称"] = label[1]!;
    if (dropped) {
      const kind = `${dropped.kind}-dropped` as const;
      const rest = found.rest.get(i);
      notes.push(note(kind, ctx.source, l.line, `dropped ${dropped.why}: ${excerpt(rest ? l.text.slice(0, l.text.length - rest.length) : l.text)}${rest ? " (the text glued after it is kept)" : ""}`));
      repairs[kind] = (repairs[kind] ?? 0) + 1;
      if (rest) kept.push({ ...l, text: rest });
      return;
    }
    const spam = stripSpamSpans(l.text);
    if (spam.removed.length) {
      notes.push(note("spam-stripped", ctx.source, l.line, `removed injected spam inside the line: ${spam.removed.join(" / ")}`));
      repairs["spam-stripped"] = (repairs["spam-stripped"] ?? 0) + spam.removed.length;
      kept.push({ ...l, text: spam.text });
    } else kept.push(l);
  });
  return { lines: kept, notes, repairs, meta: found.meta, metaLines: found.metaLines };
}

export function excerpt(text: string, max: number = LIMITS.excerptChars): string {
  const chars = [...text.replace(/\t/g, " | ")];
  return JSON.stringify(chars.length > max ? chars.slice(0, max).join("") + "…" : chars.join(""));
}
