// The formats the read stage knows, in the order they are tried: the first whose sniff accepts the
// bytes reads them. Adding a format is a reader in a file of its own and its entry here.
import { readDoc } from "./doc.js";
import { readDocx } from "./docx.js";
import { readHtml } from "./html.js";
import { readPdf } from "./pdf/reader.js";
import { refuse, type Format, type Reader } from "./result.js";
import { isDocx, isHtml, isOle, isPdf } from "./sniff.js";
import { readText } from "./text.js";

export interface FormatEntry {
  format: Format;
  /** whether the bytes are in this format, by magic number or content */
  sniff: (bytes: Uint8Array) => boolean;
  read: Reader;
}

/** A format recognized but not read: its files are refused, saying what they are. */
const refusedAs =
  (kind: Format, what: string): Reader =>
  async (_bytes, source) =>
    refuse(source, kind, what, kind);

export const FORMATS: readonly FormatEntry[] = [
  { format: "pdf", sniff: isPdf, read: readPdf },
  { format: "docx", sniff: isDocx, read: readDocx },
  { format: "doc", sniff: isOle, read: readDoc },
  { format: "html", sniff: isHtml, read: readHtml },
  // text takes whatever is left, and refuses what no encoding makes text of
  { format: "text", sniff: () => true, read: readText },
];
