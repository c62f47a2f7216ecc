// The heading grammar of Chinese plans, in one place: how chapters (一、 or 第一章), sections （一）,
// items 1. and 专栏 boxes are numbered, and what else opens a heading-like line (—— lead-ins, 附件).
// Clean uses it not to join or split across a heading; segment reads the outline with it.

import { HAN } from "./chars.js";

/** A Chinese numeral digit as headings count: 一 to 十. */
const CN = "[一二三四五六七八九十]";
const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The markers, each a regular-expression source to compose (none anchored). */
const MARK = {
  /** 一、 … 二十三、 */
  chapter: `${CN}{1,3}、`,
  /** （一）, full width as clean leaves it */
  section: `（${CN}{1,3}）`,
  /** （一） or (一), before widths are normalized */
  sectionAnyWidth: `[（(]${CN}{1,3}[)）]`,
  /** 第一章, 第二节, and with Arabic numerals 第1章 */
  numberedChapter: `第(?:${CN}+|\\d{1,2})[章节]`,
  /** 第一章 (第1章) only */
  numberedChapterOnly: `第(?:${CN}+|\\d{1,2})章`,
  /** 1. 1、 1． — the number of an item, and of a decimal (1.5) */
  itemNumber: "\\d{1,2}[.．、]",
  /** 专栏1, 专栏 一 */
  box: `专栏\\s*[\\d${CN.slice(1, -1)}]`,
  /** ——总体目标: a lead-in */
  dash: "——",
  /** 附件 */
  attachment: "附件",
} as const;

/** The number of an item that is no decimal: 1. but not 1.5倍. */
const ITEM = `${MARK.itemNumber}(?!\\d)`;

const startsWith = (...alternatives: string[]) => new RegExp(`^(?:${alternatives.join("|")})`, "u");

/** What starts a heading or a numbered item (一、 （一） (一) 1. 专栏1 —— 附件): a line no step joins
 *  to the one before it, and where a run-together paragraph may be split. */
export const MARKER = startsWith(MARK.chapter, MARK.sectionAnyWidth, ITEM, MARK.box, MARK.dash, MARK.attachment);
/** A chapter or section heading's start (一、 （一） (一)). */
export const HEADING_START = startsWith(MARK.chapter, MARK.sectionAnyWidth);
/** What starts a heading or item, or a 第N章 / 第N节 line. */
export const OPENS_HEADING = startsWith(MARK.chapter, MARK.sectionAnyWidth, ITEM, MARK.box, MARK.dash, MARK.attachment, MARK.numberedChapter);
/** A heading as a table of contents lists it (一、 （一） 第一章 附件), in text clean has normalized. */
export const TOC_HEADING = startsWith(MARK.chapter, MARK.section, MARK.numberedChapter, MARK.attachment);
/** A contents entry's start, with an item's number as contents print it (1. or 1、, decimals too). */
export const TOC_ENTRY_START = `(?:${MARK.chapter}|${MARK.section}|\\d{1,2}[.、]|${MARK.numberedChapter})`;
/** A chapter or section heading (一、 （一）), in text clean has normalized. */
export const CHAPTER_OR_SECTION = startsWith(MARK.chapter, MARK.section);
/** A chapter heading's start in either style: 一、 or 第一章. */
export const CHAPTER_START = startsWith(MARK.chapter, MARK.numberedChapterOnly);
/** A 第一章 or 第一节 heading's start (第1章 too). */
export const NUMBERED_HEADING = new RegExp(`^第(?:${CN}{1,3}|\\d{1,2})[章节]`, "u");
/** What starts a numbered line of any level (一、 第一章 （一） (一) 1): a document's title never does. */
export const NUMBERED_LINE_START = startsWith(`${CN}+、`, MARK.numberedChapter, `[（(]${CN}+[)）]`, "\\d");

/** A chapter heading: its numeral and the rest of the line. */
export const CHAPTER_RE = new RegExp(`^(${CN}{1,3})、\\s*(.+)$`, "u");
/** A section heading: its numeral and the rest of the line. */
export const SECTION_RE = new RegExp(`^（(${CN}{1,3})）\\s*(.+)$`, "u");
/** A chapter in the 第一章 (or 第1章) style, a section in the 第一节 style: the numeral and the rest of the line. */
export const NUMBERED_CHAPTER_RE = new RegExp(`^第(${CN}{1,3}|\\d{1,2})章\\s*(.+)$`, "u");
export const NUMBERED_SECTION_RE = new RegExp(`^第(${CN}{1,3}|\\d{1,2})节\\s*(.+)$`, "u");
/** Under 第1章 chapters, sections and items numbered by decimals: 1.2 工作成效, 1.2.3 …; the last
 *  number and the rest of the line (a decimal in prose, 1.5倍, has no title after it). */
export const DECIMAL_SECTION_RE = /^\d{1,2}[.．](\d{1,2})(?![.．]?\d)\s*([^\d\s%％倍万亿个].*)$/u;
export const DECIMAL_ITEM_RE = /^\d{1,2}[.．]\d{1,2}[.．](\d{1,2})(?![.．]?\d)\s*([^\d\s%％].*)$/u;
/** A section heading whose numeral was lost to a bad byte (（?）, （？）, （\ufffd）): the rest of the line. */
export const LOST_SECTION_RE = /^（[?？\ufffd]{1,2}）\s*(.+)$/u;
/** An item: 1. / 1、 / 1．, but not a decimal (1.5倍) — except an item that opens with a year: 1.2035年远景目标 */
export const ITEM_RE = /^(\d{1,2})(?:[.．、](?!\d)|[.．](?=\d{4}年))\s*(.+)$/u;
/** A 专栏 box's caption: its number and title. */
export const BOX_RE = new RegExp(`^专栏\\s*([\\d${CN.slice(1, -1)}]+)\\s*[：:]?\\s*(.*)$`, "u");

const PAGE_NUMBER_AFTER_TITLE = new RegExp(`(?<=[${HAN}）”])\\s*\\d{1,3}$`, "u");

/** A heading's title without a page number a contents page or a PDF glued to it (发展基础与面临形势5). */
export function withoutPageNumber(title: string): string {
  return title.replace(PAGE_NUMBER_AFTER_TITLE, "");
}

/** 一 → 1, 十二 → 12, 二十 → 20, 二十三 → 23; null for what is not such a numeral. */
export function chineseNumber(s: string): number | null {
  if (!new RegExp(`^${CN}+$`, "u").test(s)) return null;
  if (s.length === 1) return CN_DIGITS[s];
  if (s.length === 2 && s[0] === "十") return 10 + CN_DIGITS[s[1]];
  if (s.length === 2 && s[1] === "十") return CN_DIGITS[s[0]] * 10;
  if (s.length === 3 && s[1] === "十") return CN_DIGITS[s[0]] * 10 + CN_DIGITS[s[2]];
  return null;
}
