// What the bytes are, from their magic numbers and their first characters, never from the file's
// name: the document formats the read stage has a reader for, the formats plan collectors download
// by mistake (refused with a name instead of decoded into garbage), and raw binary.

const startsWith = (bytes: Uint8Array, magic: readonly number[]): boolean => magic.every((b, i) => bytes[i] === b);
const ascii = (s: string): number[] => [...s].map((ch) => ch.charCodeAt(0));

const PDF = ascii("%PDF");
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** the compound file of Word 97–2003 (.doc), and of .xls and .wps too */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** the part every .docx holds, named in the ZIP's local and central headers */
const DOCX_PART = Buffer.from("word/document.xml", "latin1");

export const isPdf = (bytes: Uint8Array): boolean => startsWith(bytes, PDF);
export const isOle = (bytes: Uint8Array): boolean => startsWith(bytes, OLE);
export const isDocx = (bytes: Uint8Array): boolean =>
  startsWith(bytes, ZIP) && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(DOCX_PART);

/** How far into a file an HTML document shows itself. */
const HTML_HEAD = 4096;
const HTML_MARKER = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

/** A saved web page: a doctype, <html>, <head> or <body> near the start. Text with stray tags is
 *  text. The NUL bytes of UTF-16 are skipped, so its ASCII reads as ASCII in any of our encodings. */
export function isHtml(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, HTML_HEAD);
  let s = "";
  for (let i = 0; i < head.length; i++) if (head[i] !== 0) s += String.fromCharCode(head[i]);
  return HTML_MARKER.test(s);
}

const NOT_DOCUMENTS: Array<{ kind: string; what: string; bytes: number[] }> = [
  { kind: "zip", what: "a ZIP archive with no Word document in it (an .xlsx, an archive, or a damaged .docx)", bytes: ZIP },
  { kind: "zip", what: "an empty ZIP archive", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: "png", what: "a PNG image", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { kind: "jpeg", what: "a JPEG image", bytes: [0xff, 0xd8, 0xff] },
  { kind: "gif", what: "a GIF image", bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: "rar", what: "a RAR archive", bytes: [0x52, 0x61, 0x72, 0x21] },
  { kind: "7z", what: "a 7-Zip archive", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { kind: "gzip", what: "a gzip archive", bytes: [0x1f, 0x8b] },
  { kind: "rtf", what: "an RTF document: save it as plain text first", bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66] },
  { kind: "elf", what: "an executable program", bytes: [0x7f, 0x45, 0x4c, 0x46] },
];

export interface BinaryKind {
  kind: string;
  what: string;
}

/** A known format that holds no document we read (an image, an archive, a program), by its magic number. */
export function sniffNotDocument(bytes: Uint8Array): BinaryKind | null {
  for (const m of NOT_DOCUMENTS) if (startsWith(bytes, m.bytes)) return { kind: m.kind, what: m.what };
  return null;
}

/** Share of the sample that may be NUL bytes, and control bytes, in text. */
const MAX_NUL_SHARE = 0.01;
const MAX_CONTROL_SHARE = 0.05;

/** Bytes that are no text in any encoding we read: many NULs or control bytes. The caller rules out
 *  UTF-16 first, whose code units put arbitrary bytes, NUL and controls included, on one side. */
export function sniffBinaryNoise(bytes: Uint8Array): BinaryKind | null {
  const sample = bytes.subarray(0, 64 * 1024);
  let nul = 0;
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i];
    if (b === 0) {
      nul++;
    } else if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  if (nul > sample.length * MAX_NUL_SHARE) return { kind: "binary", what: `binary data (${nul} NUL bytes in the first ${sample.length})` };
  if (control > sample.length * MAX_CONTROL_SHARE) return { kind: "binary", what: `binary data (${control} control bytes in the first ${sample.length})` };
  return null;
}
