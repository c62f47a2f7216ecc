// A page number printed on a line of its own, as PDF text copies and pdftotext print them: — 12 —,
// - 12 -, 第 3 页, 第 3 页 / 共 20 页, 3/20. One pattern for the clean steps that drop such lines (unwrap
// for a PDF's text, layout for pdftotext -layout's); the PDF reader tells its page numbers by where
// they stand on the page as well (read/pdf/furniture.ts).
export const PAGE_NUMBER_LINE = /^\s*(?:[—–\-－]\s*\d{1,4}\s*[—–\-－]|第\s*\d{1,4}\s*页(?:\s*[/，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/u;

/** The number a page-number line prints (— 12 —, 第 12 页, 12/20: 12), or null for any other line.
 *  Full-width digits and dashes count, as the raw text of a copy may print them. */
export function pageNumberOf(text: string): number | null {
  if (text.length > PAGE_NUMBER_MAX_CHARS || !HAS_DIGIT.test(text)) return null;
  const t = text.normalize("NFKC");
  return PAGE_NUMBER_LINE.test(t) ? Number(/\d{1,4}/u.exec(t)![0]) : null;
}

const HAS_DIGIT = /[0-9\uFF10-\uFF19]/u;
/** No page-number line is longer than this (第 123 页 / 共 456 页 with spaces around). */
const PAGE_NUMBER_MAX_CHARS = 30;
/** Page numbers are believed to close pages only this many lines of text apart at least: the page
 *  labels of a sharing site's viewer (第1页 / 共23页) stand closer. */
const PAGE_MIN_LINES = 5;

/**
 * The page of each line of a PDF's text copy, from what the text shows, or null when it shows
 * nothing to go by. Form feeds (pdftotext) end pages: a line is on the page after as many form feeds
 * as come before its text. Without them, the printed page numbers (— 12 —) that close pages are
 * believed where two run in sequence, far enough apart: the lines after number n-1 up to number n
 * are page n, the lines before the first number are page 1 when it prints 1, and the lines after
 * the last number the next page; the lines between two numbers out of sequence are not known (null).
 */
export function textPages(lines: readonly string[]): Array<number | null> | null {
  if (lines.some((l) => l.includes("\f"))) return formFeedPages(lines);
  const marks: Array<{ index: number; n: number }> = [];
  lines.forEach((l, index) => {
    const n = pageNumberOf(l);
    // a number below the last one is not a page's (a figure in a table); a jump leaves a gap
    if (n !== null && n > (marks.at(-1)?.n ?? 0)) marks.push({ index, n });
  });
  const filled = (from: number, to: number) => lines.slice(from, to).filter((l) => l.trim() !== "").length;
  const inSequence = marks.map((m, k) => k > 0 && m.n === marks[k - 1]!.n + 1 && filled(marks[k - 1]!.index + 1, m.index) >= PAGE_MIN_LINES);
  if (!inSequence.some(Boolean)) return null;
  const pages: Array<number | null> = new Array(lines.length).fill(null);
  marks.forEach((m, k) => {
    const known = k === 0 ? m.n === 1 && filled(0, m.index) >= PAGE_MIN_LINES : inSequence[k];
    if (known) pages.fill(m.n, k === 0 ? 0 : marks[k - 1]!.index + 1, m.index + 1);
  });
  const last = marks.at(-1)!;
  if (inSequence.at(-1)) pages.fill(last.n + 1, last.index + 1);
  return pages;
}

/** Pages by form feeds: a line is on the page its first character is on. */
function formFeedPages(lines: readonly string[]): number[] {
  let page = 1;
  return lines.map((l) => {
    let at = page;
    let seenText = false;
    for (const ch of l) {
      if (ch === "\f") {
        page++;
        if (!seenText) at = page;
      } else if (!seenText && ch.trim() !== "") seenText = true;
    }
    return at;
  });
}
