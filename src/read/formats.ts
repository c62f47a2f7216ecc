// The formats the read stage knows, in the order they are tried: the first whose sniff accepts the
// bytes reads them. Adding a format is a reader in a file of its own and its entry here.
import { readHtml } from "./html.js";
import type { Format, Reader } from "./result.js";
import { isDocx, isHtml, isOle, isPdf } from "./sniff.js";
import { readText } from "./text.js";

export interface FormatEntry {
  format: Format;
  /** whether the bytes are in this format, by magic number or content */
  sniff: (bytes: Uint8Array) => boolean;
  read: Reader;
}

/** A reader loaded when a file first needs it: a run with no PDF, DOCX or DOC does not load their
 *  parsers (150 ms for JSZip and the XML parser alone). */
function lazy(load: () => Promise<Reader>): Reader {
  let reader: Promise<Reader> | null = null;
  return async (bytes, source) => (await (reader ??= load()))(bytes, source);
}

export const FORMATS: readonly FormatEntry[] = [
  { format: "pdf", sniff: isPdf, read: lazy(async () => (await import("./pdf/reader.js")).readPdf) },
  { format: "docx", sniff: isDocx, read: lazy(async () => (await import("./docx.js")).readDocx) },
  { format: "doc", sniff: isOle, read: lazy(async () => (await import("./doc.js")).readDoc) },
  { format: "html", sniff: isHtml, read: readHtml },
  // text takes whatever is left, and refuses what no encoding makes text of
  { format: "text", sniff: () => true, read: readText },
];
