// Tables of contents, in every form plans print them: entries with dot leaders or `- 2 -` page
// numbers after a 目录 title (one that lost its 目 too), page numbers glued to the headings
// (发展基础与面临形势5), a whole contents run into one line, and contents without page numbers — a run
// of headings the body repeats further down. None of it may become chapters.
import type { Line } from "../model.js";
import { atMostCodePoints as atMost, HAN } from "../text/chars.js";
import { CHAPTER_START, TOC_ENTRY_START, TOC_HEADING, withoutPageNumber } from "../text/headings.js";
import { CONTENTS_TITLES } from "./boilerplate-vocabulary.js";

/** How much makes a table of contents, in entries and characters (code points). */
const CONTENTS = {
  /** entries with a leader or page number that make a table of contents (after a 目录 title, one) */
  entries: 3,
  /** a heading a table of contents lists, and the body repeats, is at most this long */
  headingChars: 50,
  /** contents without a title or page numbers: a run of at least this many headings (two of them
   *  chapters), each at most this long */
  runHeadings: 4,
  runHeadingChars: 40,
} as const;

/** A table-of-contents entry: a leader of dots, or a heading followed by a page number. */
const LEADER = /(\.{3,}|…{2,}|·{3,}|—{3,}|-{4,})\s*\d*\s*$|\s*[-—－–]\s*\d{1,3}\s*[-—－–]\s*$/u;
const PAGE_NO_AFTER_HEADING = new RegExp(`^${TOC_ENTRY_START}.{1,40}?\\s+\\d{1,3}$`, "u");
const TOC_TITLE = new RegExp(CONTENTS_TITLES.map((t) => `^${t}$`).join("|"), "iu");

/** The comparable form of a heading: marker kept, leaders, page numbers and end punctuation dropped. */
export function headingKey(text: string): string {
  return text.replace(LEADER, "").replace(/\s+\d{1,3}$/, "").replace(/[\s。：:]+$/u, "").replace(/\s+/g, "");
}

/** A contents entry with its page number glued on (一、发展基础与面临形势5, 前言1): short, no clause. */
const GLUED_ENTRY = new RegExp(`^[^。；，,]{1,${CONTENTS.headingChars}}?[${HAN}）)”]\\s?(\\d{1,3})$`, "u");
/** A whole table of contents run into one line: heading, page number, heading, page number … */
const GLUED_CONTENTS_LINE = new RegExp(`^(?:\\s*${TOC_ENTRY_START}[^。；，,\\d]{2,40}?\\d{1,3}){${CONTENTS.entries + 1},}\\s*$`, "u");

/** Runs of contents entries whose page numbers are glued on, told by the numbers alone: at least
 *  three headings in a row, each ending in a page number no smaller than the one before; the short
 *  lines with a number around them (前言1, 附件 重点项目30) go with them. */
function gluedContents(lines: Line[], found: Map<number, string>, dropped: Set<number>): void {
  let i = 0;
  while (i < lines.length) {
    let j = i;
    let last = -1;
    while (j < lines.length && TOC_HEADING.test(lines[j].text) && !LEADER.test(lines[j].text)) {
      const m = GLUED_ENTRY.exec(lines[j].text);
      if (!m || Number(m[1]) < last) break;
      last = Number(m[1]);
      j++;
    }
    if (j - i >= CONTENTS.entries) {
      let from = i;
      while (from > 0 && GLUED_ENTRY.test(lines[from - 1].text) && !found.has(from - 1) && !dropped.has(from - 1)) from--;
      while (j < lines.length && GLUED_ENTRY.test(lines[j].text) && !CHAPTER_START.test(lines[j].text)) j++;
      for (let k = from; k < j; k++) found.set(k, "table of contents (page numbers glued to the headings)");
      i = j;
    } else i = Math.max(i + 1, j);
  }
  lines.forEach((l, k) => {
    if (!found.has(k) && !dropped.has(k) && GLUED_CONTENTS_LINE.test(l.text)) found.set(k, "table of contents run into one line");
  });
}

/** The lines of a file's tables of contents, each with why it is one; `dropped` are lines already
 *  dropped as something else. */
export function findContents(lines: Line[], dropped: Set<number> = new Set()): Map<number, string> {
  const found = new Map<number, string>();
  gluedContents(lines, found, dropped);
  // each line without its spaces, made once: every heading of a table of contents looks at all later lines
  const squeezed: Array<string | undefined> = new Array(lines.length);
  const laterStarts = (from: number, key: string) => {
    for (let j = from; j < lines.length; j++) {
      const t = (squeezed[j] ??= lines[j].text.replace(/\s+/g, ""));
      if (t.startsWith(key) && !LEADER.test(lines[j].text)) return true;
    }
    return false;
  };
  const headingRun = (from: number): number => {
    if (!CHAPTER_START.test(lines[from].text)) return 0;
    let k = from;
    let chapters = 0;
    while (k < lines.length && TOC_HEADING.test(lines[k].text) && atMost(lines[k].text, CONTENTS.runHeadingChars) && !/[。；，]/u.test(lines[k].text) && laterStarts(k + 1, withoutPageNumber(headingKey(lines[k].text)))) {
      if (CHAPTER_START.test(lines[k].text)) chapters++;
      k++;
    }
    return k - from >= CONTENTS.runHeadings && chapters >= 2 ? k - from : 0;
  };
  let i = 0;
  while (i < lines.length) {
    const t = lines[i].text;
    const titled = TOC_TITLE.test(t.trim());
    const entry = (k: number) => LEADER.test(lines[k].text) || PAGE_NO_AFTER_HEADING.test(lines[k].text);
    if (!titled && !entry(i)) {
      // contents without a title or page numbers: a run of chapter and section headings, nothing
      // between them, that the body repeats in the same words further down
      const run = headingRun(i);
      if (run > 0) {
        for (let k = i; k < i + run; k++) found.set(k, "table of contents (headings the body repeats)");
        i += run;
      } else i++;
      continue;
    }
    // extend over entries and over headings that the body repeats further down
    let j = titled ? i + 1 : i;
    let strong = 0;
    let repeated = 0;
    let lastEntry = titled ? i : i - 1;
    while (j < lines.length) {
      const tj = lines[j].text;
      if (entry(j)) {
        strong++;
        lastEntry = j;
      } else if (TOC_HEADING.test(tj) && atMost(tj, CONTENTS.headingChars) && laterStarts(j + 1, withoutPageNumber(headingKey(tj)))) {
        repeated++;
        lastEntry = j;
      } else break;
      j++;
    }
    if (strong >= CONTENTS.entries || (titled && (strong >= 1 || repeated >= CONTENTS.runHeadings))) {
      for (let k = i; k <= lastEntry; k++) found.set(k, "table of contents");
      i = lastEntry + 1;
    } else i++;
  }
  return found;
}

