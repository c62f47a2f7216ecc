// Pages flattened into one line (a sharing site's text layer, a copy without breaks) run their
// headings into the prose: …制定本规划。一、现状与形势（一）“十三五”时期主要成效“十三五”时期，全区….
// A line is cut before a heading marker that continues the document's numbering — the next chapter
// 一、二、 after a sentence end, the next section （一） after a sentence end or right after a short
// chapter title, the next item 1. 2. after a sentence end — so that the outline can read them.
import type { Line } from "../model.js";
import { chineseNumber } from "../text/headings.js";
import { counted, type CleanStep } from "./step.js";

/** Only lines this long can hold a heading run into prose. */
const MIN_LENGTH = 80;
/** A chapter title run into its first section heading is at most this long. */
const TITLE_MAX = 24;
const MARKERS = /(?<=^|[。；！？\s])([一二三四五六七八九十]{1,2})、|(?<=^|[。；！？\s]|、[^。；，、\s]{1,24})（([一二三四五六七八九十]{1,2})）|(?<=[。；！？\s])(\d{1,2})[.．](?!\d)/gu;

export const splitRunOnHeadings: CleanStep = (lines) => {
  const out: Line[] = [];
  let chapter = 1;
  let section = 1;
  let item = 1;
  let cuts = 0;
  const heading = (t: string): void => {
    const c = /^([一二三四五六七八九十]{1,2})、/u.exec(t);
    const s = /^（([一二三四五六七八九十]{1,2})）/u.exec(t);
    const i = /^(\d{1,2})[.．](?!\d)/u.exec(t);
    if (c && chineseNumber(c[1]!) === chapter) {
      chapter++;
      section = 1;
      item = 1;
    } else if (s && chineseNumber(s[1]!) === section) {
      section++;
      item = 1;
    } else if (i && Number(i[1]) === item) item++;
  };
  const cutsIn = (t: string, items: boolean): { at: number[]; headings: number } => {
    const at: number[] = [];
    let headings = 0;
    for (const m of t.matchAll(MARKERS)) {
      const pos = m.index!;
      if (m[1] !== undefined && chineseNumber(m[1]) === chapter) {
        chapter++;
        section = 1;
        item = 1;
      } else if (m[2] !== undefined && chineseNumber(m[2]) === section && chapter > 1) {
        // right after a chapter title: only where the title is short and unpunctuated
        if (!/[。；！？\s]$/u.test(t.slice(0, pos)) && !/[一二三四五六七八九十]{1,2}、[^。；，、\s]{1,24}$/u.test(t.slice(Math.max(0, pos - TITLE_MAX - 3), pos))) continue;
        section++;
        item = 1;
      } else if (items && m[3] !== undefined && Number(m[3]) === item && chapter > 1) item++;
      else continue;
      if (m[3] === undefined) headings++;
      if (pos > 0) at.push(pos);
    }
    return { at, headings };
  };
  for (const l of lines) {
    const t = l.text;
    if (t.length < MIN_LENGTH || t.includes("\t")) {
      heading(t.trim());
      out.push(l);
      continue;
    }
    const before = { chapter, section, item };
    // a line of numbered sentences (a box's entries, a table's notes) is not a flattened page: items
    // are cut only in a line that a chapter or section heading runs into
    const restore = () => ({ chapter, section, item } = before);
    const { headings } = cutsIn(t, false);
    restore();
    if (headings === 0) {
      heading(t.trim());
      out.push(l);
      continue;
    }
    const { at } = cutsIn(t, true);
    if (at.length === 0) {
      out.push(l);
      continue;
    }
    let start = 0;
    for (const pos of at) {
      const part = t.slice(start, pos).trim();
      if (part) out.push({ ...l, text: part });
      start = pos;
    }
    out.push({ ...l, text: t.slice(start).trim() });
    cuts += at.length;
  }
  return { lines: out, notes: [], repairs: counted("run-on-headings-split", cuts) };
};
