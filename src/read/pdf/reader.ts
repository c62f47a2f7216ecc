// The PDF reader: pdf.js (its legacy build, for Node) gives each page's positioned text and the rules
// it draws; flow.ts makes the document's lines of them. pdf.js runs on this thread (no worker URL,
// no network: its character maps come from its own package folder), so a parse is bounded by the
// thread it runs on: ingest's parse workers, which are ended when a file takes too long.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Note } from "../../model.js";
import { note as noteOf, type NoteKind } from "../../notes.js";
import type { Read, Reader, Refused } from "../result.js";
import { flow, type PageContent } from "./flow.js";
import type { Run } from "./lines.js";
import { rulings, type Ops } from "./rulings.js";

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");
type PdfWorker = InstanceType<PdfJs["PDFWorker"]>;

let loaded: Promise<{ lib: PdfJs; worker: PdfWorker }> | null = null;

/** pdf.js, loaded once, with its worker code on this thread and one worker for every document: a
 *  worker of its own per document would set up pdf.js's message handlers again for each file. */
function pdfjs(): Promise<{ lib: PdfJs; worker: PdfWorker }> {
  loaded ??= keepingBuiltIns(async () => {
    // pdf.js looks for a worker here before it would try to start one from a URL
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    const lib = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const worker = new lib.PDFWorker({ verbosity: lib.VerbosityLevel.ERRORS });
    await worker.promise;
    return { lib, worker };
  });
  return loaded;
}

/** The built-ins the rest of the pipeline leans on. */
const BUILT_INS: object[] = [Array.prototype, Array, Object, String.prototype, JSON, Math, Promise, Map.prototype, Set.prototype, Object.getPrototypeOf(Uint8Array.prototype), Uint8Array.prototype, RegExp.prototype];

/**
 * pdf.js's legacy build carries core-js, which replaces built-ins Node already has with slower
 * spec-complete versions for the whole thread: Array.prototype.push runs 3× slower after it loads
 * (measured), and JSON.parse and JSON.stringify are wrapped. The natives are put back once it has
 * loaded; the built-ins it adds (Promise.withResolvers on Node 20) stay.
 */
async function keepingBuiltIns<T>(load: () => Promise<T>): Promise<T> {
  const before = BUILT_INS.map((o) => new Map(Reflect.ownKeys(o).map((k) => [k, Object.getOwnPropertyDescriptor(o, k)!])));
  try {
    return await load();
  } finally {
    BUILT_INS.forEach((o, i) => {
      for (const [k, d] of before[i]) {
        const now = Object.getOwnPropertyDescriptor(o, k);
        if (now && (now.value !== d.value || now.get !== d.get) && !(typeof d.value === "number" && Number.isNaN(d.value))) Object.defineProperty(o, k, d);
      }
    });
  }
}

const packageDir = dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
/** pdf.js reads these from disk in Node (they map a CJK font's character codes to text); the
 *  trailing separator is required. Its standard fonts are not given: they are glyph outlines, for
 *  drawing, and the text and its widths come without them. */
const CMAPS = join(packageDir, "cmaps") + "/";

/** Lines with a gap this wide (font sizes) between runs are what a table's rows look like; a page
 *  with at least TABLE_LINES of them may hold one. */
const CELL_GAP = 2;
const TABLE_LINES = 2;

function mayHoldTable(runs: Run[]): boolean {
  const sorted = runs.filter((r) => r.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  let lines = 0;
  for (let i = 1; i < sorted.length && lines < TABLE_LINES; i++) {
    const [a, b] = [sorted[i - 1], sorted[i]];
    if (Math.abs(a.y - b.y) <= 0.45 * Math.max(a.size, b.size) && b.x - (a.x + a.width) >= CELL_GAP * b.size) lines++;
  }
  return lines >= TABLE_LINES;
}

/** A page with fewer characters than this is taken as having no text layer. */
const MIN_PAGE_TEXT = 5;

/** Reads a PDF's text layer; refuses an encrypted, damaged or scanned file, saying which. */
export const readPdf: Reader = async (bytes, source) => {
  const { lib, worker } = await pdfjs();
  const open = () => lib.getDocument({
    // pdf.js takes ownership of the buffer it is given, and wants a plain Uint8Array: a copy
    data: new Uint8Array(bytes),
    worker,
    cMapUrl: CMAPS,
    cMapPacked: true,
    isEvalSupported: false,
    // a page's operator list is read for its rules only: its images are not decoded
    maxImageSize: 0,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: lib.VerbosityLevel.ERRORS,
  });
  let task: ReturnType<typeof open> | undefined;
  let doc;
  try {
    task = open();
    doc = await task.promise;
  } catch (e) {
    await task?.destroy();
    return refused(source, e);
  }
  try {
    const pages: PageContent[] = [];
    const empty: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent({ disableNormalization: false });
      const [, , width, height] = page.view;
      const runs: Run[] = [];
      let chars = 0;
      for (const it of content.items) {
        if (!("str" in it) || it.str === "") continue;
        const [a, b, , d, x, y] = it.transform as number[];
        // upright text only; rotated runs (a stamp, a sideways label) are not part of the reading
        if (Math.abs(b) > 0.01) continue;
        runs.push({ text: it.str, x, y, width: it.width, size: Math.abs(d) || Math.abs(a) || it.height });
        chars += it.str.trim().length;
      }
      if (chars < MIN_PAGE_TEXT) empty.push(n);
      // the rules are fetched only for a page that may hold a table: pdf.js's operator list costs
      // about as much again as the text (a box without them reads as body text, which it is)
      let segs: PageContent["rulings"] = [];
      if (mayHoldTable(runs)) {
        const ops = await page.getOperatorList();
        segs = rulings(ops.fnArray, ops.argsArray, lib.OPS as unknown as Ops);
      }
      pages.push({ width, height, runs, rulings: segs });
      page.cleanup();
    }
    if (empty.length === doc.numPages) {
      return { ok: false, kind: "pdf", format: "pdf", message: `${source}: a PDF without a text layer (${doc.numPages} page${doc.numPages === 1 ? "" : "s"} of images, a scan?): nothing to read; run OCR on it first` };
    }
    return toRead(source, pages, empty);
  } catch (e) {
    return refused(source, e);
  } finally {
    await doc.destroy();
  }
};

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
    method: "pdf.js",
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

/** Why pdf.js could not open a file, in a user's words. */
function refused(source: string, e: unknown): Refused {
  const err = e as { name?: string; message?: string; code?: number };
  if (err?.name === "PasswordException") {
    return { ok: false, kind: "pdf", format: "pdf", message: `${source}: an encrypted PDF that needs a password to open: remove the password first` };
  }
  const why = err?.name === "InvalidPDFException" ? "not a valid PDF" : err?.message ?? String(e);
  return { ok: false, kind: "pdf", format: "pdf", message: `${source}: a damaged or truncated PDF that cannot be read (${why})` };
}
