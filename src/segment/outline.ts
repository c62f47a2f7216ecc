// The outline of a plan's body: chapters 一、, sections （一）, items 1./1、 — read in order, with each
// heading accepted only where its number fits the sequence so far (a stray "三、" in a sentence or a
// table's "1" is not a heading). Lines that belong to tables or 专栏 boxes are skipped: a box's numbered
// entries are projects, not items.
import type { Chapter, ChapterRole, Item, Line, Note, Section } from "../model.js";
import { codePointCount } from "../text/chars.js";
import { CHAPTER_RE, chineseNumber, ITEM_RE, SECTION_RE } from "../text/headings.js";

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
  const notes: Note[] = [];
  const positions: Position[] = [];
  const chapters: Chapter[] = [];
  const texts = new Map<object, string[]>();
  const addText = (node: object, t: string) => {
    if (!t) return;
    const list = texts.get(node) ?? [];
    list.push(t);
    texts.set(node, list);
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
    const ch = skipped ? null : CHAPTER_RE.exec(t);
    const chNo = ch ? chineseNumber(ch[1]) : null;
    if (ch && chNo === (chapter?.no ?? 0) + 1 && headingLike(leadPhrase(ch[2]).title)) {
      const { title, rest } = leadPhrase(ch[2]);
      chapter = { no: chNo, title, role: "other", sections: [], items: [], text: "" };
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
    const sec = skipped ? null : SECTION_RE.exec(t);
    const secNo = sec ? chineseNumber(sec[1]) : null;
    if (sec && secNo === (section?.no ?? 0) + 1 && headingLike(leadPhrase(sec[2]).title)) {
      const { title, rest } = leadPhrase(sec[2]);
      section = { no: secNo, title, items: [], text: "" };
      chapter.sections.push(section);
      item = null;
      lastItemNo = 0;
      addText(section, rest);
      positions.push({ chapter: chapter.no, section: section.no, item: null });
      return;
    }
    const it = skipped ? null : ITEM_RE.exec(t);
    if (it) {
      const printed = Number(it[1]);
      let no = printed;
      // Word's lost automatic numbering prints every item as "1.": renumber in reading order
      if (printed <= lastItemNo) {
        no = lastItemNo + 1;
        notes.push({ stage: "segment", kind: "item-renumbered", source, line: line.line, message: `item printed as ${printed}. renumbered ${no} (numbering lost in the source)` });
      }
      // a first item numbered 6 is a stray (a box entry carried over a page break), not an item — unless
      // the chapter numbers its items continuously across sections
      const plausible = printed <= lastItemNo + 2 || printed === itemsInChapter + 1;
      const { title, rest } = leadPhrase(it[2]);
      if (plausible && codePointCount(title) <= 60 && title.length > 0) {
        item = { no, title, text: "", keywords: [] };
        (section ?? chapter).items.push(item);
        lastItemNo = no;
        itemsInChapter++;
        addText(item, rest);
        positions.push({ chapter: chapter.no, section: section?.no ?? null, item: no });
        return;
      }
      if (!plausible) notes.push({ stage: "segment", kind: "item-out-of-sequence", source, line: line.line, message: `"${printed}." does not continue the numbering (${lastItemNo} so far); kept as text` });
    }
    positions.push({ chapter: chapter.no, section: section?.no ?? null, item: item?.no ?? null });
    if (!skipped) addText(item ?? section ?? chapter, t);
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
  return { chapters, positions, bodyStart, notes };
}
