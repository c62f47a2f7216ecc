// The DOC reader (Word 97–2003): word-extractor reads the compound file and the Word document in
// it, giving the body's paragraphs as lines and a table row as TAB-separated cells. Automatic
// numbering is not in a DOC's text (it lives in list tables word-extractor does not read), so
// numbers typed by the author are kept and numbers Word generated are not. A merged cell's text is
// in its first row only. The file is read from memory through a reader that cannot throw out of a
// stream callback (a damaged file must be refused, not crash the process), and sector chains that
// loop are cut.
import WordOleExtractor from "word-extractor/lib/word-ole-extractor.js";
import AllocationTable from "word-extractor/lib/ole-allocation-table.js";
import type { Note } from "../model.js";
import { note } from "../notes.js";
import type { Read, Reader, Refused } from "./result.js";

/** A sector chain that comes back to a sector it went through loops forever: end it there. */
AllocationTable.prototype.getSecIdChain = function (start: number): number[] {
  const seen = new Set<number>();
  const chain: number[] = [];
  for (let id = start; id >= 0 && id < this._table.length; id = this._table[id]) {
    if (seen.has(id)) throw new Error("a sector chain of the compound file loops");
    seen.add(id);
    chain.push(id);
  }
  return chain;
};

/** The word-extractor reader interface over bytes in memory; reads past the end are noted. */
class MemoryReader {
  short = false;
  constructor(private readonly bytes: Buffer) {}
  open(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
  buffer(): Buffer {
    return this.bytes;
  }
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer> {
    const end = position + length;
    if (position < 0 || end > this.bytes.length) this.short = true;
    const from = Math.max(0, Math.min(position, this.bytes.length));
    const n = this.bytes.copy(buffer, offset, from, Math.max(from, Math.min(end, this.bytes.length)));
    buffer.fill(0, offset + n, offset + length);
    return Promise.resolve(buffer);
  }
}

/** FIB flag of a DOC whose content is encrypted. */
const F_ENCRYPTED = 0x0100;

class CheckedExtractor extends WordOleExtractor {
  override extractWordDocument(document: unknown, buffer: Buffer) {
    if (buffer.length >= 12 && (buffer.readUInt16LE(0x0a) & F_ENCRYPTED) !== 0) return Promise.reject(new Encrypted());
    return super.extractWordDocument(document, buffer);
  }
}

class Encrypted extends Error {}

/** A password-protected .docx is a compound file holding an EncryptedPackage stream. */
const ENCRYPTED_PACKAGE = Buffer.from("EncryptedPackage", "utf16le");

const refused = (source: string, why: string): Refused => ({ ok: false, kind: "doc", format: "doc", message: `${source}: ${why}` });

export const readDoc: Reader = async (bytes, source) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.includes(ENCRYPTED_PACKAGE)) return refused(source, "an encrypted Office document that needs a password to open: remove the password first");
  const reader = new MemoryReader(buf);
  let doc;
  try {
    doc = await new CheckedExtractor().extract(reader);
  } catch (e) {
    if (e instanceof Encrypted) return refused(source, "an encrypted Word document that needs a password to open: remove the password first");
    const why = /Invalid magic number|not a valid compound/i.test((e as Error).message) ? "not a Word document (an Excel or other Office file?)" : (e as Error).message;
    return refused(source, `a damaged Word document that cannot be read (${reader.short ? "it is shorter than its own structure says: truncated?" : why})`);
  }
  if (reader.short) return refused(source, "a damaged Word document that cannot be read (it is shorter than its own structure says: truncated?)");
  const notes: Note[] = [];
  const lines: string[] = [];
  let rows = 0;
  for (const raw of doc.getBody().split("\n")) {
    // a table row ends with a TAB for its end-of-row mark
    const line = raw.includes("\t") ? raw.replace(/\t$/, "") : raw;
    if (line.includes("\t")) rows++;
    if (line.trim() !== "") lines.push(line.replace(/\s+$/, ""));
  }
  const boxes = doc.getTextboxes({ includeHeadersAndFooters: false }).split("\n").filter((l) => l.trim() !== "");
  if (boxes.length) {
    notes.push(note("doc-text-boxes", source, lines.length + 1, `${boxes.length} lines of text boxes, placed after the body (a DOC does not say where they stand)`));
    lines.push(...boxes);
  }
  if (rows) notes.push(note("doc-table-rows", source, null, `${rows} table rows as TAB-separated cells (a merged cell's text in its first row only)`));
  const read: Read = { ok: true, format: "doc", encoding: "binary", method: "word-extractor", confidence: 1, text: lines.join("\n"), info: rows ? { tables: countTables(lines) } : {}, notes };
  return read;
};

/** Runs of consecutive table rows. */
function countTables(lines: string[]): number {
  let n = 0;
  lines.forEach((l, i) => {
    if (l.includes("\t") && !(i > 0 && lines[i - 1].includes("\t"))) n++;
  });
  return n;
}
