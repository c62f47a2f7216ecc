// What a reader gives: the document's text, line by line, with what it took to get it, or why the
// bytes cannot be read.
import type { Format, Note } from "../model.js";

export type { Format };

/** What a reader did beyond decoding, for `plans inspect`; only what happened is set. */
export interface ReadInfo {
  /** pages read (PDF) */
  pages?: number;
  /** tables written as rows of tab-separated cells */
  tables?: number;
  /** lines dropped as running page headers */
  headersDropped?: number;
  /** lines dropped as running page footers */
  footersDropped?: number;
}

export interface Read {
  ok: true;
  format: Format;
  /** the character encoding of text and HTML ("utf-8", "gb18030", …); "binary" for a format a
   *  parser reads */
  encoding: string;
  /** how the encoding was decided for text and HTML: "bom", "utf-8", "detected", or "mixed" (UTF-8
   *  with lines in another encoding); for other formats, the reader's name for what it used */
  method: string;
  /** 0..1: 1 for a BOM, valid UTF-8 or a parsed format; for a detected encoding, the margin of
   *  evidence over the runner-up */
  confidence: number;
  /** the document's text, one line per "\n" (text keeps its own CR/LF line ends for clean to
   *  split); a table row is one line of tab-separated cells */
  text: string;
  /** the 1-based page of each line of `text`, for formats that have pages */
  pages?: number[];
  info: ReadInfo;
  notes: Note[];
}

export interface Refused {
  ok: false;
  /** what the bytes look like: "empty", "pdf", "docx", "zip", "png", "binary", … */
  kind: string;
  /** the format, when the bytes are in one the read stage knows but could not read */
  format?: Format;
  /** one line naming the file and the problem */
  message: string;
}

/** A reader: one format's bytes to its text. Async, since the parsers of binary formats are. */
export type Reader = (bytes: Uint8Array, source: string) => Promise<Read | Refused>;

/** Bytes that are not a text document; `what` says what they look like ("a PNG image"). */
export function refuse(source: string, kind: string, what: string, format?: Format): Refused {
  const refused: Refused = { ok: false, kind, message: `${source}: not a text file: it looks like ${what}` };
  if (format) refused.format = format;
  return refused;
}
