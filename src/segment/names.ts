// The name a document gives itself, and where it says so: its title line (maybe wrapped over two
// lines, maybe ending with its years), the name its covering notice prints (关于印发《…》的通知), the
// name its body says it compiles (编制《…》), or the web record's 标题. A 《…》 the body cites (根据《…》,
// 依据《…》《…》, 按照…《…》) names another document and is never taken.
import { SHARING_TITLE_LABELS } from "../clean/boilerplate-vocabulary.js";
import type { Line } from "../model.js";
import { codePointCount } from "../text/chars.js";
import { NUMBERED_LINE_START } from "../text/headings.js";

export interface Named {
  name: string;
  /** 0-based index into the lines it came from, null for the web record */
  index: number | null;
  /** the index of its last line, when the name runs over several */
  last?: number;
  from: "title-line" | "notice" | "compiled" | "record";
}

/** What a document's name ends in: plans, contingency plans, programmes, work points, interpretations. */
const NAME_END = /(?:规划|纲要|预案|方案|计划|要点|解读)(?:[（(](?:20\d{2}\s*[-—–~至]\s*20\d{2}年?|征求意见稿|送审稿|草案|试行|修订)[）)])?$/u;
/** A file name or page label a sharing site glues to a title: (23页).docx, _第1页, .pdf, Word文档格式.docx, （完整版） */
const FILE_LABEL = new RegExp(`(?:[（(]?(?:${SHARING_TITLE_LABELS.join("|")})[）)]?|[（(]\\d+页?(?:${SHARING_TITLE_LABELS.join("|")})?[）)])*(?:\\.(?:docx?|pdf|wps|txt))?(?:_第\\d+页)?$`, "iu");
const SENTENCE = /[。；！？，,;]/u;
const NOTICE = /关于(?:印发|转发|同意)|通知$|^印发/u;
/** Words before a 《…》 that make it a citation, in the same clause. */
const CITING = /(?:根据|依据|依照|按照|对标|参照|遵照|贯彻|落实|衔接|结合|执行|落实好|对照|围绕|学习)/u;
/** Verbs by which a body names the document itself: 编制《…》, 制定《…》, 组织编制了《…》. */
const COMPILING = /(?:编制|制定|修编|修订|研究制定|组织编制)了?《([^》]{4,60})》/gu;

/** The lines a title may be among: before the body's first heading, and not too many of them. */
const FRONT_MAX = 60;
const TITLE_MAX = 60;

export function stripFileLabel(t: string): string {
  // "?" opening a line are characters (an indent) the page could not show
  return t.replace(FILE_LABEL, "").replace(/^[?？\ufffd\s]+/u, "").replace(/^\d{1,2}、(?=\S)/u, "").trim();
}

/** Is a 《…》 starting at `at` in `text` a citation (the clause before it cites, or it continues a
 *  list of cited documents)? */
export function isCitation(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const clauseStart = Math.max(before.lastIndexOf("。"), before.lastIndexOf("；"), before.lastIndexOf("，"), before.lastIndexOf("\n")) + 1;
  const clause = before.slice(clauseStart);
  if (CITING.test(clause)) return true;
  return /》[、和及与，,]?\s*$/u.test(before);
}

/** A line that reads as a document's title: short, no sentence punctuation, ends in a name word. */
export function isTitleLike(text: string): boolean {
  const t = stripFileLabel(text.trim());
  const n = codePointCount(t);
  return n >= 5 && n <= TITLE_MAX && !SENTENCE.test(t) && !/链接|[:：>＞»]/u.test(t) && NAME_END.test(t) && !NOTICE.test(t) && !NUMBERED_LINE_START.test(t);
}

function titleLine(front: Line[]): Named | null {
  for (let i = 0; i < front.length; i++) {
    const raw = front[i]!.text.trim();
    const t = stripFileLabel(raw);
    const secondHalf = codePointCount(t) >= 2 && codePointCount(t) <= 10 && NAME_END.test(t) && !SENTENCE.test(t) && !NOTICE.test(t);
    if (!isTitleLike(raw) && !secondHalf) continue;
    const prev = front[i - 1]?.text.trim() ?? "";
    // "德阳市“十四五”应急体系" + "建设规划": a first half with no name word, no sentence end, not a notice
    if (codePointCount(t) <= 10 && prev && !NAME_END.test(prev) && !SENTENCE.test(prev) && !NOTICE.test(prev) && !/[：:]$|\d$/u.test(prev) && codePointCount(prev) <= 30 && /十[三四五]五|[省市县区旗州]/u.test(prev)) {
      return { name: prev + t, index: i - 1, last: i, from: "title-line" };
    }
    if (!isTitleLike(raw)) continue;
    return { name: t, index: i, from: "title-line" };
  }
  return null;
}

/** 关于印发《X》的通知 / 关于印发X的通知, the notice's title maybe wrapped over two or three lines. */
function noticeName(front: Line[]): Named | null {
  for (let i = 0; i < front.length; i++) {
    const t = front[i]!.text.trim();
    const at = t.indexOf("关于印发");
    if (at < 0) continue;
    // a notice's own heading: an organ's name at most before it, never a sentence that cites one
    // (根据…《某某县人民政府关于印发…工作方案的通知》)
    const before = t.slice(0, at);
    if (/[，。；,;《]/u.test(before)) continue;
    let joined = t.slice(at);
    let k = i;
    while (!/通知/u.test(joined) && k + 1 < front.length && k < i + 2) joined += front[++k]!.text.trim();
    const m = /关于印发《?(.+?)》?的?(?:通知|$)/u.exec(joined.split(/\s/u)[0] === joined ? joined : joined.replace(/\s+/gu, ""));
    if (m && codePointCount(m[1]!) >= 4 && NAME_END.test(stripFileLabel(m[1]!.replace(/》.*$/u, "")))) return { name: m[1]!.replace(/》.*$/u, ""), index: i, last: k, from: "notice" };
  }
  return null;
}

/** The notice's body names the document it issues: 《X》已经县政府同意，现印发给你们 / 印发《X》，内容如下 /
 *  现将《X》印发给你们. */
function issuedName(front: Line[]): Named | null {
  for (let i = 0; i < front.length; i++) {
    const t = front[i]!.text.trim();
    const m = /(?:^|[，。：:\s])《([^》]{4,60})》(?:已经|已|经|现)|现将《([^》]{4,60})》|印发《([^》]{4,60})》[，,]?(?:内容如下|全文如下|现予)/u.exec(t);
    const name = m ? (m[1] ?? m[2] ?? m[3])! : null;
    if (name && NAME_END.test(name)) return { name, index: i, from: "notice" };
  }
  return null;
}

/** The body's own 编制《X》, skipping every 《…》 it cites. */
function compiledName(lines: Line[]): Named | null {
  for (let i = 0; i < Math.min(lines.length, FRONT_MAX); i++) {
    const t = lines[i]!.text;
    for (const m of t.matchAll(COMPILING)) {
      const open = m.index! + m[0].indexOf("《");
      // only a plan names itself this way; 制定了《…实施方案》 lists what was done before
      if (!isCitation(t, open) && /(?:规划|纲要)(?:[（(][^）)]{0,14}[）)])?$/u.test(m[1]!)) return { name: m[1]!, index: i, from: "compiled" };
    }
  }
  return null;
}

function recordName(meta: Record<string, string>): Named | null {
  const raw = meta["标题"] ?? meta["名称"] ?? meta["文件名称"];
  if (!raw) return null;
  const m = /印发《?(.+?)》?的?通知/u.exec(raw);
  const name = m ? m[1]! : raw;
  return NAME_END.test(name) ? { name, index: null, from: "record" } : null;
}

/** Every way the document names itself, most trusted first. */
export function documentNames(front: Line[], all: Line[], meta: Record<string, string>): Named[] {
  // a name whose place was cut out (spam in its stead) keeps no leading colon
  return [titleLine(front), noticeName(front), issuedName(front), compiledName(all), recordName(meta)]
    .filter((n): n is Named => n !== null)
    // …and a five-year period's quotes typed twice the same way (“十四五“) close as they open
    .map((n) => ({ ...n, name: n.name.replace(/^[：:，,、\s]+/u, "").replace(/[“"]十([一二三四五六])五[“"]/gu, "“十$1五”") }))
    .filter((n) => codePointCount(n.name) >= 4);
}

/** The first 《…》 named in the front that is not a citation (an interpretation names the plan it
 *  explains this way: 《X》政策解读, 关于印发《X》的政策解读). */
export function firstQuoted(front: Line[]): string | null {
  for (const l of front) {
    for (const m of l.text.matchAll(/《([^》]{4,60})》/gu)) if (!isCitation(l.text, m.index!)) return m[1]!;
  }
  return null;
}
