// PDFium, Chrome's PDF engine, compiled to WebAssembly (@embedpdf/pdfium): loaded once per thread
// from its package folder (no network), its C functions called directly. A parse runs on the thread
// that asked for it, so it is bounded by that thread: ingest's parse workers, which are ended when
// a file takes too long.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { init } from "@embedpdf/pdfium";

/** The engine's functions used here, as its module exports them: pointers and handles are numbers
 *  into its heap. The package's wrapped functions convert every argument on every call, which costs
 *  about 4× as much per character read. */
export interface Functions {
  malloc(size: number): number;
  free(ptr: number): void;
  PDFiumExt_Init(): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_DocumentHasValidCrossReferenceTable(doc: number): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  /** the page's crop box within its media box, as an FS_RECTF (left, top, right, bottom) */
  FPDF_GetPageBoundingBox(page: number, rect: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, index: number): number;
  FPDFText_IsGenerated(text: number, index: number): number;
  FPDFText_GetCharOrigin(text: number, index: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(text: number, index: number, rect: number): number;
  FPDFText_GetFontSize(text: number, index: number): number;
  FPDFText_GetMatrix(text: number, index: number, matrix: number): number;
  FPDFPage_CountObjects(page: number): number;
  FPDFPage_GetObject(page: number, index: number): number;
  FPDFPageObj_GetType(obj: number): number;
  FPDFPageObj_GetMatrix(obj: number, matrix: number): number;
  FPDFFormObj_CountObjects(form: number): number;
  FPDFFormObj_GetObject(form: number, index: number): number;
  FPDFPath_CountSegments(path: number): number;
  FPDFPath_GetPathSegment(path: number, index: number): number;
  FPDFPath_GetDrawMode(path: number, fillMode: number, stroke: number): number;
  FPDFPathSegment_GetType(segment: number): number;
  FPDFPathSegment_GetPoint(segment: number, x: number, y: number): number;
  FPDFPathSegment_GetClose(segment: number): number;
}

/** The heap's views; the engine replaces them when its memory grows, so they are read after calls. */
interface Heap {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  HEAPF32: Float32Array;
  HEAPF64: Float64Array;
}

export interface Engine {
  fn: Functions;
  heap: Heap;
}

/** FPDF_GetLastError's codes that a reader tells apart. */
export const ERR_FORMAT = 3;
export const ERR_PASSWORD = 4;
export const ERR_SECURITY = 5;

/** FPDFPageObj_GetType's kinds that hold rules. */
export const OBJ_PATH = 2;
export const OBJ_FORM = 5;

/** FPDFPathSegment_GetType's kinds. */
export const SEG_LINETO = 0;
export const SEG_BEZIERTO = 1;
export const SEG_MOVETO = 2;

let loaded: Promise<Engine> | null = null;

/** This thread's engine, loaded on first use. */
export function engine(): Promise<Engine> {
  loaded ??= (async () => {
    const wasmBinary = readFileSync(createRequire(import.meta.url).resolve("@embedpdf/pdfium/pdfium.wasm"));
    const globals = new Set(Reflect.ownKeys(globalThis));
    // what the engine would print (a failed allocation, an abort) is the reader's to report
    const quiet = () => {};
    const module = (await init({ wasmBinary, print: quiet, printErr: quiet })).pdfium as unknown as Heap & { wasmExports: Functions };
    dropWarningGetters(globals);
    module.wasmExports.PDFiumExt_Init();
    return { fn: module.wasmExports, heap: module };
  })();
  loaded.catch(() => (loaded = null));
  return loaded;
}

/**
 * The engine's build puts a getter on the global object for each name it leaves out (`buffer`,
 * `asm` and 150 more) that warns when the name is read. The getters hold the engine, memory and
 * all, for the life of the thread, so an engine let go (discardEngine) would never be freed.
 */
function dropWarningGetters(before: Set<PropertyKey>): void {
  for (const key of Reflect.ownKeys(globalThis)) {
    if (before.has(key)) continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, key);
    if (d?.get && !d.set && d.configurable) delete (globalThis as Record<PropertyKey, unknown>)[key];
  }
}

/** Lets the engine go: after it failed inside (a WebAssembly trap leaves its heap in an unknown
 *  state), or after a large file made its memory grow (WebAssembly memory never shrinks). The next
 *  document gets a new one. */
export function discardEngine(): void {
  loaded = null;
}
