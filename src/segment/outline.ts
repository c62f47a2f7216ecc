// The outline of a plan's body: chapters 一、, sections （一）, items 1./1、 — read in order, with each
// heading accepted only where its number fits the sequence so far (a stray "三、" in a sentence or a
// table's "1" is not a heading). Lines that belong to tables or 专栏 boxes are skipped: a box's numbered
// entries are projects, not items.
import type { Chapter, ChapterRole, Item, Line, Note, Section } from "../model.js";
import { codePointCount } from "../text/chars.js";
import { CHAPTER_RE, chineseNumber, DECIMAL_ITEM_RE, DECIMAL_SECTION_RE, ITEM_RE, LOST_SECTION_RE, NUMBERED_CHAPTER_RE, NUMBERED_SECTION_RE, SECTION_RE, withoutPageNumber } from "../text/headings.js";
import { note } from "../notes.js";
import { atOf } from "./at.js";

/** The numbering a plan's outline uses, level by level. Most plans number 一、 / （一） / 1.; many
 *  number chapters 第一章 and sections 第一节, with 一、 (or （一）, or 1.) for the items below them. */
export interface Grammar {
  chapter: RegExp;
  section: RegExp;
  item: RegExp;
}

const numberOf = (s: string): number | null => (/^\d+$/.test(s) ? Number(s) : chineseNumber(s));

const DEFAULT_GRAMMAR: Grammar = { chapter: CHAPTER_RE, section: SECTION_RE, item: ITEM_RE };
/** Chapters in the 第一章 style take over when at least this many of them follow in order. */
const CHAPTER_STYLE_MIN = 2;

/** The grammar of a document: 第N章 chapters where the body numbers at least two of them in order;
 *  then its sections are 第N节 (or （一）, or 1.1 under 第1章) and its items the next marker down that
 *  it uses. */
export function grammarOf(lines: Line[], skip: Set<number>): Grammar {
  let expected = 1;
  let sections = false;
  let chineseItems = false;
  let parenItems = false;
  let decimalSections = false;
  let decimalItems = false;
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const t = lines[i]!.text;
    const m = NUMBERED_CHAPTER_RE.exec(t);
    if (m && numberOf(m[1]!) === expected) expected++;
    if (expected > 1) {
      sections ||= NUMBERED_SECTION_RE.test(t);
      chineseItems ||= CHAPTER_RE.test(t);
      parenItems ||= SECTION_RE.test(t);
      decimalSections ||= DECIMAL_SECTION_RE.test(t);
      decimalItems ||= DECIMAL_ITEM_RE.test(t);
    }
  }
  if (expected - 1 < CHAPTER_STYLE_MIN) return DEFAULT_GRAMMAR;
  if (!sections && !parenItems && decimalSections) return { chapter: NUMBERED_CHAPTER_RE, section: DECIMAL_SECTION_RE, item: decimalItems ? DECIMAL_ITEM_RE : ITEM_RE };
  if (!sections) return { chapter: NUMBERED_CHAPTER_RE, section: SECTION_RE, item: ITEM_RE };
  // under 第一节 sections, items are numbered as chapters (一、) or sections （一） are elsewhere
  const item = chineseItems ? CHAPTER_RE : parenItems ? SECTION_RE : ITEM_RE;
  return { chapter: NUMBERED_CHAPTER_RE, section: NUMBERED_SECTION_RE, item };
}

const CN_NUMERALS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"];
/** Does a section numbered `no` follow within the next lines (before the next chapter)? */
function nextSectionFollows(lines: Line[], from: number, no: number): boolean {
  for (let k = from + 1; k < Math.min(lines.length, from + 80); k++) {
    const t = lines[k]!.text;
    if (CHAPTER_RE.test(t)) return false;
    const m = SECTION_RE.exec(t);
    if (m) return chineseNumber(m[1]!) === no;
  }
  return false;
}

/** A heading's title: the text up to the first 。 (run-in headings carry their paragraph after it), no
 *  trailing punctuation. */
export function leadPhrase(text: string): { title: string; rest: string } {
  const stop = text.indexOf("。");
  const title = (stop >= 0 ? text.slice(0, stop) : text).replace(/[\s：:；;，,]+$/u, "").trim();
  const rest = stop >= 0 ? text.slice(stop + 1).trim() : "";
  return { title, rest };
}

/** Headings are short; a "一、" line of 80 characters with no 。 is a sentence that starts with a list. */
const headingLike = (title: string) => codePointCount(title) <= 40;

export interface Position {
  chapter: number | null;
  section: number | null;
  item: number | null;
}

export interface Outline {
  chapters: Chapter[];
  /** for every input line: where in the outline it stands */
  positions: Position[];
  /** index of the first chapter heading (front matter ends there), or -1 */
  bodyStart: number;
  /** the lines of each chapter's, section's and item's text (after its heading) */
  bodyLines: Map<Chapter | Section | Item, Line[]>;
  notes: Note[];
}

const ROLE_RULES: Array<[ChapterRole, RegExp]> = [
  ["projects", /重点工程|重大工程|重点项目|工程项目|重大项目/u],
  ["safeguards", /保障措施|保障机制|实施保障|规划实施|组织实施|保障体系建设$/u],
  ["background", /现状|形势|基础|回顾|发展环境|成效|背景/u],
  ["requirements", /总体要求|指导思想|目标|总体思路|基本原则|总体要求/u],
  ["tasks", /任务|举措/u],
];

/** A chapter's role from its title, and where the title says nothing, from its position: the chapters
 *  between the requirements and the projects/safeguards are the plan's tasks. */
export function assignRoles(titles: string[]): ChapterRole[] {
  const roles: Array<ChapterRole | null> = titles.map((t) => ROLE_RULES.find(([, re]) => re.test(t))?.[0] ?? null);
  const reqAt = roles.indexOf("requirements");
  const endAt = roles.findIndex((r, i) => i > reqAt && (r === "projects" || r === "safeguards"));
  return roles.map((r, i) => {
    if (r && !(r === "background" && i > reqAt && reqAt >= 0)) return r;
    if (i > reqAt && (endAt < 0 || i < endAt)) return "tasks";
    return r ?? "other";
  });
}

export function parseOutline(lines: Line[], skip: Set<number>, source: string): Outline {
  const grammar = grammarOf(lines, skip);
  const notes: Note[] = [];
  const positions: Position[] = [];
  const chapters: Chapter[] = [];
  const texts = new Map<object, string[]>();
  const bodyLines = new Map<Chapter | Section | Item, Line[]>();
  const addText = (node: Chapter | Section | Item, t: string, from?: Line) => {
    if (!t) return;
    const list = texts.get(node) ?? [];
    list.push(t);
    texts.set(node, list);
    if (!from) return;
    const lines = bodyLines.get(node);
    if (lines) lines.push(from);
    else bodyLines.set(node, [from]);
  };
  let chapter: Chapter | null = null;
  let section: Section | null = null;
  let item: Item | null = null;
  let lastItemNo = 0;
  let itemsInChapter = 0;
  let bodyStart = -1;

  lines.forEach((line, i) => {
    const t = line.text;
    const skipped = skip.has(i);
    const ch = skipped ? null : grammar.chapter.exec(t);
    const chNo = ch ? numberOf(ch[1]!) : null;
    if (ch && chNo === (chapter?.no ?? 0) + 1 && headingLike(leadPhrase(ch[2]).title)) {
      const { title, rest } = leadPhrase(ch[2]);
      chapter = { no: chNo, title: withoutPageNumber(title), role: "other", at: atOf(source, [line]), sections: [], items: [], text: "" };
      chapters.push(chapter);
      if (bodyStart < 0) bodyStart = i;
      section = null;
      item = null;
      lastItemNo = 0;
      itemsInChapter = 0;
      addText(chapter, rest);
      positions.push({ chapter: chapter.no, section: null, item: null });
      return;
    }
    if (!chapter) {
      positions.push({ chapter: null, section: null, item: null });
      return;
    }
    let sec = skipped ? null : grammar.section.exec(t);
    // a numeral lost to a bad byte (（?）面临的形势) is the one the sequence expects, when the section
    // after it goes on from there
    const lost = !sec && !skipped && grammar.section === SECTION_RE ? LOST_SECTION_RE.exec(t) : null;
    if (lost && nextSectionFollows(lines, i, (section?.no ?? 0) + 2)) {
      const no = (section?.no ?? 0) + 1;
      sec = [t, CN_NUMERALS[no]!, lost[1]!] as unknown as RegExpExecArray;
      notes.push(note("numeral-recovered", source, line.line, `section numeral lost (${t.slice(0, 4)}): read as （${CN_NUMERALS[no]}）, between its neighbours`));
    }
    const secNo = sec ? numberOf(sec[1]!) : null;
    if (sec && secNo === (section?.no ?? 0) + 1 && headingLike(leadPhrase(sec[2]).title)) {
      const { title, rest } = leadPhrase(sec[2]);
      section = { no: secNo, title: withoutPageNumber(title), at: atOf(source, [line]), items: [], text: "" };
      chapter.sections.push(section);
      item = null;
      lastItemNo = 0;
      addText(section, rest);
      positions.push({ chapter: chapter.no, section: section.no, item: null });
      return;
    }
    const it = skipped ? null : grammar.item.exec(t);
    const printedNo = it ? numberOf(it[1]!) : null;
    if (it && printedNo !== null) {
      const printed = printedNo;
      let no = printed;
      // Word's lost automatic numbering prints every item as "1.": renumber in reading order
      if (printed <= lastItemNo) {
        no = lastItemNo + 1;
        notes.push(note("item-renumbered", source, line.line, `item printed as ${printed}. renumbered ${no} (numbering lost in the source)`));
      }
      // a first item numbered 6 is a stray (a box entry carried over a page break), not an item — unless
      // the chapter numbers its items continuously across sections
      const plausible = printed <= lastItemNo + 2 || printed === itemsInChapter + 1;
      const { title, rest } = leadPhrase(it[2]);
      if (plausible && codePointCount(title) <= 60 && title.length > 0) {
        item = { no, title, at: atOf(source, [line]), text: "", keywords: [] };
        (section ?? chapter).items.push(item);
        lastItemNo = no;
        itemsInChapter++;
        addText(item, rest);
        positions.push({ chapter: chapter.no, section: section?.no ?? null, item: no });
        return;
      }
      if (!plausible) notes.push(note("item-out-of-sequence", source, line.line, `"${printed}." does not continue the numbering (${lastItemNo} so far); kept as text`));
    }
    positions.push({ chapter: chapter.no, section: section?.no ?? null, item: item?.no ?? null });
    if (!skipped) addText(item ?? section ?? chapter, t, line);
  });

  const roles = assignRoles(chapters.map((c) => c.title));
  chapters.forEach((c, k) => {
    c.role = roles[k];
    c.text = (texts.get(c) ?? []).join("\n");
    for (const it of c.items) it.text = (texts.get(it) ?? []).join("\n");
    for (const s of c.sections) {
      s.text = (texts.get(s) ?? []).join("\n");
      for (const it of s.items) it.text = (texts.get(it) ?? []).join("\n");
    }
  });
  return { chapters, positions, bodyStart, bodyLines, notes };
}
