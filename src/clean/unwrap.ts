// PDF text export breaks every line at the page's width. A line that reaches the usual full width and
// does not end a sentence continues on the next line, unless the next line opens a heading, an item,
// a box or a table row. Page numbers and the indentation a page break leaves are removed too.
import type { Line, Note } from "../model.js";
import { note } from "../notes.js";
import { MARKER } from "../text/headings.js";
import { codePointCount, displayWidth } from "../text/chars.js";
import { PAGE_NUMBER_LINE } from "../text/page-numbers.js";
import { counted, type CleanStep, type StepResult } from "./step.js";

/** SENTENCE_END.test(text) by the text's last code unit (-1 for an empty text; all the marks are in
 *  the BMP). The test runs on a line that grows with every join: reading the grown string, by a
 *  regular expression or even by charCodeAt, would copy it whole each time. */
const SENTENCE_MARKS = new Set([..."。！？；："].map((ch) => ch.charCodeAt(0)));
const endsSentence = (lastCode: number): boolean => SENTENCE_MARKS.has(lastCode);
const lastCodeOf = (text: string): number => (text.length > 0 ? text.charCodeAt(text.length - 1) : -1);

/** What makes text hard-wrapped, in display columns. */
const WRAP = {
  /** lines narrower than this are headings, table cells or paragraph ends, not wrapped lines */
  minWidth: 30,
  /** wrapped lines needed before a width is believed */
  minLines: 20,
  /** columns either side of a width counted with it: digits and Latin letters make printed lines ragged */
  band: 2,
  /** share of the wide lines that must fall in the band */
  minShare: 0.3,
  /** a line this much short of the full width still reached it (a wider last character did not fit) */
  slack: 4,
  /** a spaced line without clause punctuation up to this many characters is a table row */
  tableRowChars: 40,
} as const;

/** The page's full line width, when the text was hard-wrapped: the most common width of long lines,
 *  provided that enough lines share it. Null for text with one paragraph per line. */
function wrapWidth(lineWidths: number[]): number | null {
  const widths = lineWidths.filter((w) => w >= WRAP.minWidth);
  if (widths.length < WRAP.minLines) return null;
  const counts = new Map<number, number>();
  for (const w of widths) counts.set(w, (counts.get(w) ?? 0) + 1);
  let best = 0;
  let bestCount = 0;
  for (const [w, c] of counts) {
    let band = c;
    for (let d = 1; d <= WRAP.band; d++) band += (counts.get(w - d) ?? 0) + (counts.get(w + d) ?? 0);
    if (band > bestCount || (band === bestCount && w > best)) {
      best = w;
      bestCount = band;
    }
  }
  return bestCount >= widths.length * WRAP.minShare ? best : null;
}

const looksLikeTableRow = (t: string) => t.includes("\t") || (/\S\s+\S/.test(t) && !/[，。；、《》“”]/.test(t) && codePointCount(t) <= WRAP.tableRowChars) || /^\d{1,3}$/.test(t);

export const unwrapPdfLines: CleanStep = (lines, ctx): StepResult => {
  const notes: Note[] = [];
  let pageNumbers = 0;
  const body = lines.filter((l) => {
    if (!PAGE_NUMBER_LINE.test(l.text)) return true;
    pageNumbers++;
    notes.push(note("page-number-dropped", ctx.source, l.line, `dropped page number ${JSON.stringify(l.text.trim())}`));
    return false;
  });
  // each line's width is measured once: for the page width and as the last physical line of a join
  const widths = body.map((l) => displayWidth(l.text));
  const width = wrapWidth(widths);
  if (width === null) return { lines: body, notes, repairs: counted("page-numbers-dropped", pageNumbers) };
  // an output line is its first input line, the texts joined to it and where it ends; each joined
  // line is made once at the end, not again at every join
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
      lastWidth >= width - WRAP.slack &&
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
    if (ends[i] === null) return first;
    const joined: Line = { ...first, text: parts[i].join("") };
    joined.end = ends[i]!;
    return joined;
  });
  return { lines: out, notes, repairs: { ...counted("lines-unwrapped", joins), ...counted("page-numbers-dropped", pageNumbers) } };
};
