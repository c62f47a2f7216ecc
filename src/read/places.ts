// Where each line of a read text stands: whether it holds text, and the page it is printed on. Facts
// point back to the lines they were read from (model.ts `At`); these are the lines a reader finds
// by number in the decoded text (split as clean splits it: CRLF, CR and LF each end a line).
import { pageNumberOf, textPages } from "../text/page-numbers.js";
import type { Read } from "./result.js";

export interface TextPlaces {
  /** the text of a 1-based line, as read */
  textOf(line: number): string;
  /** does the 1-based line hold text of the document (not whitespace, not a page number)? */
  hasText(line: number): boolean;
  /** the page of a 1-based line, null when the source does not tell */
  pageOf(line: number): number | null;
}

const LINE_END = /\r\n|\r|\n/;

/** The places of a read text's lines: pages from the reader (PDF, DOCX) or, for a text copy of a
 *  PDF, from its form feeds and page numbers. */
export function placesOf(read: Pick<Read, "text" | "pages" | "format">): TextPlaces {
  const lines = read.text.split(LINE_END);
  const pages = read.pages ? readerPages(read.text, read.pages, lines.length) : read.format === "text" ? textPages(lines) : null;
  return {
    textOf: (line) => lines[line - 1] ?? "",
    hasText: (line) => {
      const l = lines[line - 1];
      return l !== undefined && /\S/u.test(l) && pageNumberOf(l) === null;
    },
    pageOf: (line) => pages?.[line - 1] ?? null,
  };
}

/** A reader gives the page of each "\n" line; a CR inside one (rare) makes more lines of the same page. */
function readerPages(text: string, pages: readonly number[], count: number): number[] {
  if (!text.includes("\r")) return pages.slice(0, count);
  return text.split("\n").flatMap((l, i) => new Array<number>(l.replace(/\r$/u, "").split("\r").length).fill(pages[i]!));
}
