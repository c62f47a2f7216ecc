// Boilerplate that government sites wrap around a plan: the record's metadata block, site chrome
// (banners, breadcrumbs, share/print links, ICP and 网站标识码 footers), a table of contents, and
// injected spam. Rules describe what such lines are on any government site, not these pages' strings.
// Every dropped line becomes a note; the metadata block is kept as key–value pairs.
import type { Line, Note } from "../model.js";
import { atMostCodePoints as atMost, HAN } from "../text/chars.js";
import { TOC_ENTRY_START, TOC_HEADING } from "../text/headings.js";
import { note, type StepContext, type StepResult } from "./step.js";

/** Metadata keys of 政府信息公开 records. Spaces inside a key are typesetting: 索 引 号. */
const META_KEYS = [
  "索引号", "主题分类", "公文种类", "体裁分类", "发布机构", "发布单位", "发文机关", "发文单位", "成文日期", "发文日期",
  "发布日期", "发布时间", "公文生成日期", "生成日期", "文号", "发文字号", "标题", "名称", "内容概述", "公开方式", "公开范围",
  "公开时限", "有效性", "生效日期", "废止日期", "信息来源", "来源", "所属机构", "组配分类", "关键词", "主题词",
];
const spaced = (key: string) => [...key].join("\\s*");
const META_KEY_RE = new RegExp(`(?:^|[\\s\\t|])(${META_KEYS.map(spaced).sort((a, b) => b.length - a.length).join("|")})\\s*[:：]?`, "gu");

/** Lines that are site furniture wherever they stand. */
const CHROME_STRONG =
  /ICP备|ICP证|公网安备|网站标识码|版权所有|Copyright|All Rights Reserved|访问量|浏览次数|阅读次数|点击数|扫一扫|手机浏览|主办[:：单]|承办[:：单]|技术支持[:：]|联系电话[:：]|联系我们|网站地图|当前位置|您现在的位置|欢迎您|设为首页|加入收藏|无障碍|长者模式|关闭窗口|【打印】|【关闭】|上一篇|下一篇|相关政策解读|相关链接|附件下载|信息公开元数据|政策文件库|字号[:：]|^分享[:：]?$|^打印$/iu;
/** Words that are chrome only in a short line at the head or foot of a page. */
const CHROME_WEAK = /分享|打印|收藏|简体|繁体|首页|登录|注册|搜索|字号|大\s*中\s*小|返回顶部|政务公开|信息公开|办事服务|互动交流/u;

/** Spam injected into mirrored government pages: porn, gambling and pirated-content vocabulary.
 *  Weight 2: words that do not occur in plan prose; weight 1: words that need company to be spam. */
const SPAM_TERMS: Array<[string, number]> = [
  ["色情", 2], ["喷液", 2], ["呻吟", 2], ["无码", 2], ["乱伦", 2], ["偷拍", 2], ["性爱", 2], ["做爱", 2], ["裸聊", 2], ["一级毛片", 2],
  ["博彩", 2], ["百家乐", 2], ["老虎机", 2], ["六合彩", 2], ["时时彩", 2], ["娱乐城", 2], ["澳门赌", 2], ["威尼斯人", 2], ["葡京", 2],
  ["太阳城", 2], ["真人视讯", 2], ["代孕", 2], ["私服", 2], ["av在线", 2], ["日韩", 2], ["欧美精品", 2], ["一区二区", 2], ["成人电影", 2],
  ["高潮", 1], ["抽搐", 1], ["视频", 1], ["美女", 1], ["女人", 1], ["激情", 1], ["在线观看", 1], ["免费观看", 1], ["国产", 1],
  ["精品", 1], ["棋牌", 1], ["彩票", 1], ["赌博", 1], ["成人", 1], ["丝袜", 1], ["人妻", 2], ["熟女", 2], ["制服", 1],
];
const SPAM_THRESHOLD = 3;

// spamScore runs on every line and every clause, so its terms are looked for in one pass: terms without
// case (all the Chinese ones) are found in the text itself, by their first character, since lowering
// the case changes no Han character; only the others need the lowered text.
const CASELESS = SPAM_TERMS.map(([t]) => t.toLowerCase() === t && t.toUpperCase() === t);
const BY_FIRST = new Map<number, number[]>();
SPAM_TERMS.forEach(([t], k) => {
  if (!CASELESS[k]) return;
  const list = BY_FIRST.get(t.charCodeAt(0)) ?? [];
  list.push(k);
  BY_FIRST.set(t.charCodeAt(0), list);
});
// a term with case ("av在线") is in the lowered text only if its Han characters are in the text
const HAN_RUN = new RegExp(`[${HAN}]+`, "gu");
const GATE = SPAM_TERMS.map(([t]) => (t.match(HAN_RUN) ?? []).sort((a, b) => b.length - a.length)[0] ?? "");
const FIRSTS = new Uint8Array(0x10000);
for (const c of BY_FIRST.keys()) FIRSTS[c] = 1;
const seen = new Uint8Array(SPAM_TERMS.length);

export function spamScore(text: string): number {
  seen.fill(0);
  for (let i = 0; i < text.length; i++) {
    if (FIRSTS[text.charCodeAt(i)] === 0) continue;
    for (const k of BY_FIRST.get(text.charCodeAt(i))!) if (seen[k] === 0 && text.startsWith(SPAM_TERMS[k][0], i)) seen[k] = 1;
  }
  let lower: string | null = null;
  let score = 0;
  for (let k = 0; k < SPAM_TERMS.length; k++) {
    if (CASELESS[k]) {
      if (seen[k] === 1) score += SPAM_TERMS[k][1];
    } else if (text.includes(GATE[k]) && (lower ??= text.toLowerCase()).includes(SPAM_TERMS[k][0])) score += SPAM_TERMS[k][1];
  }
  return score;
}

export type Meta = Record<string, string>;

/** Key–value pairs of a metadata line, or null when the line is not one (it must start with a key). */
export function parseMetaLine(text: string): Meta | null {
  const hits = [...text.matchAll(META_KEY_RE)];
  if (hits.length === 0) return null;
  const first = hits[0];
  if (text.slice(0, first.index).trim().replace(/[|\t]/g, "") !== "") return null;
  const meta: Meta = {};
  hits.forEach((m, i) => {
    const key = m[1].replace(/\s+/g, "");
    const start = m.index! + m[0].length;
    const end = i + 1 < hits.length ? hits[i + 1].index! : text.length;
    const value = text.slice(start, end).replace(/^[\s:：|]+|[\s|]+$/g, "").replace(/\t+/g, " ").trim();
    if (value && !(key in meta)) meta[key] = value;
  });
  // a line that is one key with a sentence after it is prose that happens to begin with 标题 or 来源
  const valueLength = Object.values(meta).join("").length;
  if (Object.keys(meta).length === 1 && (valueLength > 80 || /[。；]/.test(text))) return null;
  return Object.keys(meta).length > 0 || hits.length > 1 ? meta : null;
}

const isShortFiller = (t: string) => atMost(t, 24) && !/[，。；]/.test(t);
const isChromeLine = (t: string) => atMost(t, 120) && (CHROME_STRONG.test(t) || (CHROME_WEAK.test(t) && atMost(t, 40) && !/[。；]/.test(t)));

interface Classified {
  meta: Meta;
  drop: Map<number, { kind: string; why: string }>;
}

/** Header and footer blocks: from the file's edge to the last chrome or metadata line near it, with
 *  short filler lines (a site's name, a banner) between them dropped too. */
function classifyEdges(lines: Line[], out: Classified): void {
  const zone = Math.max(12, Math.floor(lines.length * 0.15));
  const edge = (indices: number[]) => {
    let last = -1;
    let gap = 0;
    for (const [k, i] of indices.entries()) {
      const t = lines[i].text;
      const meta = parseMetaLine(t);
      if (meta || isChromeLine(t) || spamScore(t) >= SPAM_THRESHOLD) {
        last = k;
        gap = 0;
      } else if (isShortFiller(t) && gap < 3) gap++;
      else break;
    }
    for (let k = 0; k <= last; k++) {
      const i = indices[k];
      const t = lines[i].text;
      const meta = parseMetaLine(t);
      if (meta) {
        for (const [key, v] of Object.entries(meta)) if (!(key in out.meta)) out.meta[key] = v;
        out.drop.set(i, { kind: "site-meta", why: "metadata of the web record, kept as key–value pairs" });
      } else if (spamScore(t) >= SPAM_THRESHOLD) out.drop.set(i, { kind: "spam", why: "injected spam" });
      else out.drop.set(i, { kind: "site-chrome", why: isChromeLine(t) ? "site header/footer" : "site banner text between chrome lines" });
    }
  };
  const n = lines.length;
  edge([...Array(Math.min(zone, n)).keys()]);
  edge([...Array(Math.min(zone, n)).keys()].map((k) => n - 1 - k));
}

/** A table-of-contents entry: a leader of dots, or a heading followed by a page number. */
const LEADER = /(\.{3,}|…{2,}|·{3,}|—{3,}|-{4,})\s*\d*\s*$/u;
const PAGE_NO_AFTER_HEADING = new RegExp(`^${TOC_ENTRY_START}.{1,40}?\\s+\\d{1,3}$`, "u");
const TOC_TITLE = /^目\s*录$|^目\s*次$|^contents$/iu;

/** The comparable form of a heading: marker kept, leaders, page numbers and end punctuation dropped. */
export function headingKey(text: string): string {
  return text.replace(LEADER, "").replace(/\s+\d{1,3}$/, "").replace(/[\s。：:]+$/u, "").replace(/\s+/g, "");
}

function classifyToc(lines: Line[], out: Classified): void {
  // each line without its spaces, made once: every heading of a table of contents looks at all later lines
  const squeezed: Array<string | undefined> = new Array(lines.length);
  const laterStarts = (from: number, key: string) => {
    for (let j = from; j < lines.length; j++) {
      const t = (squeezed[j] ??= lines[j].text.replace(/\s+/g, ""));
      if (t.startsWith(key) && !LEADER.test(lines[j].text)) return true;
    }
    return false;
  };
  let i = 0;
  while (i < lines.length) {
    const t = lines[i].text;
    const titled = TOC_TITLE.test(t.trim());
    const entry = (k: number) => LEADER.test(lines[k].text) || PAGE_NO_AFTER_HEADING.test(lines[k].text);
    if (!titled && !entry(i)) {
      i++;
      continue;
    }
    // extend over entries and over headings that the body repeats further down
    let j = titled ? i + 1 : i;
    let strong = 0;
    let lastEntry = titled ? i : i - 1;
    while (j < lines.length) {
      const tj = lines[j].text;
      if (entry(j)) {
        strong++;
        lastEntry = j;
      } else if (TOC_HEADING.test(tj) && atMost(tj, 50) && laterStarts(j + 1, headingKey(tj))) lastEntry = j;
      else break;
      j++;
    }
    if (strong >= 3 || (titled && strong >= 1)) {
      for (let k = i; k <= lastEntry; k++) out.drop.set(k, { kind: "toc", why: "table of contents" });
      i = lastEntry + 1;
    } else i++;
  }
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
    for (const [term] of SPAM_TERMS) {
      const at = lower.indexOf(term);
      if (at >= 0) {
        start = Math.min(start, at);
        end = Math.max(end, at + term.length);
      }
    }
    removed.push(clause.slice(start, end));
    return clause.slice(0, start) + clause.slice(end);
  });
  return { text: result, removed };
}

export interface BoilerplateResult extends StepResult {
  meta: Meta;
}

export function removeBoilerplate(lines: Line[], ctx: StepContext): BoilerplateResult {
  const found: Classified = { meta: {}, drop: new Map() };
  classifyEdges(lines, found);
  classifyToc(lines, found);
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  const kept: Line[] = [];
  lines.forEach((l, i) => {
    let dropped = found.drop.get(i);
    // isChromeLine(t) && CHROME_STRONG.test(t) && a short line is just a short line of strong chrome
    if (!dropped && atMost(l.text, 60) && CHROME_STRONG.test(l.text)) dropped = { kind: "site-chrome", why: "site furniture" };
    if (!dropped && atMost(l.text, 40) && spamScore(l.text) >= SPAM_THRESHOLD) dropped = { kind: "spam", why: "injected spam" };
    if (dropped) {
      notes.push(note("clean", `${dropped.kind}-dropped`, ctx, l.line, `dropped ${dropped.why}: ${excerpt(l.text)}`));
      repairs[`${dropped.kind}-dropped`] = (repairs[`${dropped.kind}-dropped`] ?? 0) + 1;
      return;
    }
    const spam = stripSpamSpans(l.text);
    if (spam.removed.length) {
      notes.push(note("clean", "spam-stripped", ctx, l.line, `removed injected spam inside the line: ${spam.removed.join(" / ")}`));
      repairs["spam-stripped"] = (repairs["spam-stripped"] ?? 0) + spam.removed.length;
      kept.push({ ...l, text: spam.text });
    } else kept.push(l);
  });
  return { lines: kept, notes, repairs, meta: found.meta };
}

export function excerpt(text: string, max = 40): string {
  const chars = [...text.replace(/\t/g, " | ")];
  return JSON.stringify(chars.length > max ? chars.slice(0, max).join("") + "…" : chars.join(""));
}
