// The PDF reader: PDFium (pdfium.ts) gives each page's characters where they stand and the paths it
// draws; page.ts makes runs and paths of them, rulings.ts the rules, flow.ts the document's lines.
import type { Note } from "../../model.js";
import { note as noteOf, type NoteKind } from "../../notes.js";
import type { Read, Reader, Refused } from "../result.js";
import { flow, type PageContent } from "./flow.js";
import { pageBox, pagePaths, pageRuns, SCRATCH_BYTES } from "./page.js";
import { discardEngine, engine, ERR_FORMAT, ERR_PASSWORD, ERR_SECURITY, type Engine } from "./pdfium.js";
import { rulings } from "./rulings.js";

/** Bytes of engine memory kept between files (it starts at 18 MB; a 100-page text PDF needs no more). */
const KEPT_HEAP = 64 << 20;

/** A page with fewer characters than this is taken as having no text layer. */
const MIN_PAGE_TEXT = 5;

/** Reads a PDF's text layer; refuses an encrypted, damaged or scanned file, saying which. */
export const readPdf: Reader = async (bytes, source) => {
  const e = await engine();
  const { fn } = e;
  const data = fn.malloc(Math.max(bytes.length, 1));
  const scratch = fn.malloc(SCRATCH_BYTES);
  if (!data || !scratch) {
    fn.free(data);
    fn.free(scratch);
    return { ok: false, kind: "pdf", format: "pdf", message: `${source}: a PDF too large for the PDF engine's memory (${(bytes.length / 1048576).toFixed(0)} MB)` };
  }
  let doc = 0;
  let trapped = false;
  try {
    e.heap.HEAPU8.set(bytes, data);
    doc = fn.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) return refused(source, fn.FPDF_GetLastError());
    // PDFium rebuilds a cross-reference table that is wrong, as in a complete file whose offsets a
    // server's rewriting shifted, and just as well from what a file cut short still holds
    if (!fn.FPDF_DocumentHasValidCrossReferenceTable(doc) && !endsComplete(bytes)) return damaged(source, "it has no %%EOF at its end: cut short?");
    const count = fn.FPDF_GetPageCount(doc);
    const pages: PageContent[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= count; n++) {
      const page = readPage(e, doc, n - 1, scratch);
      if (!page) return damaged(source, `page ${n} cannot be read`);
      const chars = page.runs.reduce((a, r) => a + r.text.trim().length, 0);
      if (chars < MIN_PAGE_TEXT) empty.push(n);
      pages.push(page);
    }
    if (empty.length === count) {
      return { ok: false, kind: "pdf", format: "pdf", message: `${source}: a PDF without a text layer (${count} page${count === 1 ? "" : "s"} of images, a scan?): nothing to read; run OCR on it first` };
    }
    return toRead(source, pages, empty);
  } catch (err) {
    // a trap inside the engine leaves its memory in an unknown state: nothing more is freed in it,
    // and the engine is let go
    if (err instanceof WebAssembly.RuntimeError) {
      trapped = true;
      discardEngine();
    }
    return damaged(source, (err as Error)?.message ?? String(err));
  } finally {
    if (!trapped) {
      if (doc) fn.FPDF_CloseDocument(doc);
      fn.free(scratch);
      fn.free(data);
      // an engine a large file made grow is let go, so that its memory is not kept for the rest
      if (e.heap.HEAPU8.length > KEPT_HEAP) discardEngine();
    }
  }
};

/** One page's content, or null when PDFium cannot load it. */
function readPage(e: Engine, doc: number, index: number, scratch: number): PageContent | null {
  const { fn } = e;
  const page = fn.FPDF_LoadPage(doc, index);
  if (!page) return null;
  let text = 0;
  try {
    text = fn.FPDFText_LoadPage(page);
    if (!text) return null;
    const { height, width } = pageBox(e, page, scratch);
    const runs = pageRuns(e, text, scratch);
    return { width, height, runs, rulings: rulings(pagePaths(e, page, scratch)) };
  } finally {
    if (text) fn.FPDFText_ClosePage(text);
    fn.FPDF_ClosePage(page);
  }
}

/** Whether a file ends as a complete PDF does: with %%EOF in its last kilobyte (where Acrobat looks
 *  for it, leaving room for what a writer or a server puts after it). */
function endsComplete(bytes: Uint8Array): boolean {
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024));
  for (let i = tail.length - 5; i >= 0; i--) {
    if (tail[i] === 0x25 && tail[i + 1] === 0x25 && tail[i + 2] === 0x45 && tail[i + 3] === 0x4f && tail[i + 4] === 0x46) return true;
  }
  return false;
}

function toRead(source: string, pages: PageContent[], empty: number[]): Read {
  const f = flow(pages);
  const notes: Note[] = [];
  const note = (kind: NoteKind, line: number | null, message: string) => notes.push(noteOf(kind, source, line, message));
  if (empty.length > 0) note("pdf-page-without-text", null, `${empty.length} page${empty.length === 1 ? "" : "s"} without a text layer (images?) not read: ${ranges(empty)}`);
  for (const d of f.furniture) {
    note(d.where === "header" ? "pdf-header-dropped" : "pdf-footer-dropped", null, d.text === "page numbers" ? `dropped the page numbers of pages ${ranges(d.pages)}` : `dropped the running ${d.where} “${d.text}” of pages ${ranges(d.pages)}`);
  }
  let t = 0;
  f.lines.forEach((l, i) => {
    if (!l.row || (i > 0 && f.lines[i - 1].row)) return;
    const table = f.tables[t++];
    const merged = table.merged ? `${table.merged} merged cells given to every row and column they span` : "";
    const how = [table.aligned ? "no grid: read from where its text stands" : "", merged].filter(Boolean).join("; ");
    note("pdf-table", i + 1, `table of ${table.rows} rows × ${table.columns} columns on page${table.pages.length > 1 ? "s" : ""} ${ranges(table.pages)}` + (how ? ` (${how})` : ""));
  });
  return {
    ok: true,
    format: "pdf",
    encoding: "binary",
    method: "pdfium",
    confidence: 1,
    text: f.lines.map((l) => l.text).join("\n"),
    pages: f.lines.map((l) => l.page),
    info: {
      pages: pages.length,
      ...(f.tables.length ? { tables: f.tables.length } : {}),
      ...(f.headersDropped ? { headersDropped: f.headersDropped } : {}),
      ...(f.footersDropped ? { footersDropped: f.footersDropped } : {}),
    },
    notes,
  };
}

/** "1–3, 5, 7–9" */
export function ranges(ns: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < ns.length; ) {
    let j = i;
    while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
    out.push(j > i ? `${ns[i]}–${ns[j]}` : `${ns[i]}`);
    i = j + 1;
  }
  return out.join(", ");
}

/** Why PDFium could not open a file (FPDF_GetLastError's code), in a user's words. */
function refused(source: string, code: number): Refused {
  if (code === ERR_PASSWORD || code === ERR_SECURITY) {
    return { ok: false, kind: "pdf", format: "pdf", message: `${source}: an encrypted PDF that needs a password to open: remove the password first` };
  }
  return damaged(source, code === ERR_FORMAT ? "not a valid PDF" : `PDFium's error ${code}`);
}

function damaged(source: string, why: string): Refused {
  return { ok: false, kind: "pdf", format: "pdf", message: `${source}: a damaged or truncated PDF that cannot be read (${why})` };
}
