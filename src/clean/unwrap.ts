// PDF text export breaks every line at the page's width. A line that reaches the usual full width and
// does not end a sentence continues on the next line, unless the next line opens a heading, an item,
// a box or a table row. Page numbers and the indentation a page break leaves are removed too.
import type { Line, Note } from "../model.js";
import { MARKER } from "../text/headings.js";
import { codePointCount, displayWidth } from "../text/chars.js";
import { counted, note, type CleanStep, type StepResult } from "./step.js";

const PAGE_NUMBER = /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|第\s*\d{1,3}\s*页(?:\s*[，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*\/\s*\d{1,3})$/u;
/** SENTENCE_END.test(text) by the text's last code unit (-1 for an empty text; all the marks are in
 *  the BMP). The test runs on a line that grows with every join: reading the grown string, by a
 *  regular expression or even by charCodeAt, would copy it whole each time. */
const SENTENCE_MARKS = new Set([..."。！？；："].map((ch) => ch.charCodeAt(0)));
const endsSentence = (lastCode: number): boolean => SENTENCE_MARKS.has(lastCode);
const lastCodeOf = (text: string): number => (text.length > 0 ? text.charCodeAt(text.length - 1) : -1);

/** The page's full line width, when the text was hard-wrapped: the most common width of long lines,
 *  provided that enough lines share it. Null for text with one paragraph per line. */
export function wrapWidth(lines: Line[]): number | null {
  return wrapWidthOf(lines.map((l) => displayWidth(l.text)));
}

/** wrapWidth from the lines' display widths. */
function wrapWidthOf(lineWidths: number[]): number | null {
  const widths = lineWidths.filter((w) => w >= 30);
  if (widths.length < 20) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    // a band of ±2 columns: digits and Latin letters make printed lines a little ragged
    const band = c + (counts.get(w - 1) ?? 0) + (counts.get(w + 1) ?? 0) + (counts.get(w - 2) ?? 0) + (counts.get(w + 2) ?? 0);
    if (band > bestCount || (band === bestCount && w > best)) {
      best = w;
      bestCount = band;
    }
  }
  return bestCount >= widths.length * 0.3 ? best : null;
}

const looksLikeTableRow = (t: string) => t.includes("\t") || (/\S\s+\S/.test(t) && !/[，。；、《》“”]/.test(t) && codePointCount(t) <= 40) || /^\d{1,3}$/.test(t);

export const unwrapPdfLines: CleanStep = (lines, ctx): StepResult => {
  const notes: Note[] = [];
  let pageNumbers = 0;
  const body = lines.filter((l) => {
    if (!PAGE_NUMBER.test(l.text.trim())) return true;
    pageNumbers++;
    notes.push(note("clean", "page-number-dropped", ctx, l.line, `dropped page number ${JSON.stringify(l.text.trim())}`));
    return false;
  });
  // each line's width is measured once: for the page width and as the last physical line of a join
  const widths = body.map((l) => displayWidth(l.text));
  const width = wrapWidthOf(widths);
  if (width === null) return { lines: body, notes, repairs: counted("page-numbers-dropped", pageNumbers) };
  // an output line is its first input line, the texts joined to it and where it ends; the objects
  // are made once at the end, as the step made them join by join before (same keys, same order)
  const firsts: Line[] = [];
  const parts: string[][] = [];
  const ends: Array<number | null> = [];
  let joins = 0;
  let lastWidth = 0; // displayWidth of the last output line's last physical line
  let prevEnd = -1; // the last code unit of the last output line's text
  // looksLikeTableRow per body line, asked for as a line and again as the line before the next
  const rows: Array<boolean | undefined> = new Array(body.length);
  const tableRow = (k: number): boolean => (rows[k] ??= looksLikeTableRow(body[k].text));
  for (let k = 0; k < body.length; k++) {
    const l = body[k];
    const last = firsts.length - 1;
    const canJoin =
      last >= 0 &&
      lastWidth >= width - 4 &&
      !endsSentence(prevEnd) &&
      !MARKER.test(l.text) &&
      !tableRow(k) &&
      !tableRow(k - 1); // the last physical line of the line before is body[k - 1]
    if (canJoin) {
      joins++;
      // the joined line now also stands for the input lines up to this one
      parts[last].push(l.text);
      const first = firsts[last];
      ends[last] = Math.max(l.end ?? l.line, ends[last] ?? first.end ?? first.line);
      // a joined text ends where its last non-empty part does
      if (l.text.length > 0) prevEnd = lastCodeOf(l.text);
    } else {
      firsts.push(l);
      parts.push([l.text]);
      ends.push(null);
      prevEnd = lastCodeOf(l.text);
    }
    lastWidth = widths[k];
  }
  const out = firsts.map((first, i): Line => {
    const { physical: _p, ...l } = first as Physical;
    if (ends[i] === null) return l;
    const joined: Line = { ...l, text: parts[i].join("") };
    joined.end = ends[i]!;
    return joined;
  });
  return { lines: out, notes, repairs: { ...counted("lines-unwrapped", joins), ...counted("page-numbers-dropped", pageNumbers) } };
};

type Physical = Line & { physical?: string };
