// Recognizes files that are not text at all, so they are refused with a name instead of decoded
// into garbage: the formats plan collectors actually download by mistake, then raw binary.

const MAGIC: Array<{ kind: string; what: string; bytes: number[] }> = [
  { kind: "pdf", what: "a PDF document (extract its text first, e.g. with pdftotext)", bytes: [0x25, 0x50, 0x44, 0x46] },
  { kind: "zip", what: "a ZIP archive (a .docx/.xlsx Word or Excel file is one: save it as text first)", bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: "zip", what: "an empty ZIP archive", bytes: [0x50, 0x4b, 0x05, 0x06] },
  { kind: "ole", what: "an old Office document (.doc/.xls/.wps): save it as text first", bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
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

/** A known non-text format, by its magic number. */
export function sniffFormat(bytes: Uint8Array): BinaryKind | null {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => bytes[i] === b)) return { kind: m.kind, what: m.what };
  }
  return null;
}

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
  if (nul > sample.length * 0.01) return { kind: "binary", what: `binary data (${nul} NUL bytes in the first ${sample.length})` };
  if (control > sample.length * 0.05) return { kind: "binary", what: `binary data (${control} control bytes in the first ${sample.length})` };
  return null;
}
