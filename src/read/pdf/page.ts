// One page of a document open in PDFium → what flow.ts reads of it: the runs of text and the paths
// that may rule tables. PDFium gives each character with its origin and advance; characters that
// follow on at the same size along one baseline make a run, as a PDF's text-showing operators
// place them.
import { CJK_SPACE, type Run } from "./lines.js";
import { type Engine, OBJ_FORM, OBJ_PATH, SEG_BEZIERTO, SEG_LINETO, SEG_MOVETO } from "./pdfium.js";
import { IDENTITY, multiply, type Matrix, type Path, type PathPoint } from "./rulings.js";

/** Bytes of scratch memory the page readers need: an FS_RECTF, an FS_MATRIX, two doubles. */
export const SCRATCH_BYTES = 64;

/** A character starting this close (font sizes) to where the previous one's advance ends follows
 *  on in its run: writers place glyphs a little off their fonts' widths (LibreOffice by hundredths),
 *  while the narrowest gap that is a word space between Latin letters is 0.15 (lines.ts). */
const FOLLOWS_ON = 0.1;
/** Baselines and sizes that differ by less than this (points) are the same. */
const SAME = 0.01;
const WHITESPACE = /\s/;
/** A typed space may be wider than its glyph (a justified line stretches it; two spaces typed are
 *  one glyph and the room of two) and still stand between the text on either side of it; a gap
 *  after it as wide as lines.ts's space between Chinese words is spacing of its own (a tab), and
 *  ends the run so that lines.ts sees the whole gap. */
const WIDE_SPACE = CJK_SPACE;
const SOFT_HYPHEN = 0x2;
/** Text whose baseline turns by more than this (the matrix's b, in points) is rotated. */
const UPRIGHT = 0.01;

/** The page's size in points: the top of its crop box is where its text is measured from. */
export function pageBox(e: Engine, page: number, scratch: number): { width: number; height: number } {
  if (!e.fn.FPDF_GetPageBoundingBox(page, scratch)) return { width: 0, height: 0 };
  const f = e.heap.HEAPF32;
  const i = scratch >> 2;
  return { width: f[i + 2], height: f[i + 1] };
}

/**
 * The page's upright text as runs. The spaces and line breaks PDFium generates for its own reading
 * order are left out (lines.ts decides spaces from the gaps), and so is rotated text: a stamp or a
 * sideways label is not part of the reading.
 */
export function pageRuns(e: Engine, textPage: number, scratch: number): Run[] {
  const { fn } = e;
  const rect = scratch >> 2;
  const matrix = (scratch + 16) >> 2;
  const origin = (scratch + 40) >> 3;
  const runs: Run[] = [];
  let run: Run | null = null;
  let right = 0;
  let spaces = "";
  const count = fn.FPDFText_CountChars(textPage);
  for (let k = 0; k < count; k++) {
    if (fn.FPDFText_IsGenerated(textPage, k) !== 0) continue;
    const code = fn.FPDFText_GetUnicode(textPage, k);
    // PDFium reads a hyphen that breaks a word at the end of a line as U+0002; it prints a hyphen
    const u = code === SOFT_HYPHEN ? 0x2d : code;
    // control characters print nothing (a glyph without a Unicode mapping reads as one)
    if (u < 0x20 || u > 0x10ffff || (u >= 0xd800 && u <= 0xdfff)) continue;
    fn.FPDFText_GetMatrix(textPage, k, scratch + 16);
    const boxed = fn.FPDFText_GetLooseCharBox(textPage, k, scratch);
    fn.FPDFText_GetCharOrigin(textPage, k, scratch + 40, scratch + 48);
    const { HEAPF32: f, HEAPF64: d } = e.heap;
    const em = fn.FPDFText_GetFontSize(textPage, k);
    if (Math.abs(f[matrix + 1] * em) > UPRIGHT) {
      run = null;
      continue;
    }
    // the size as printed: the font's size scaled by the text and graphics matrices
    const size = em * (Math.abs(f[matrix + 3]) || Math.abs(f[matrix]));
    const x = d[origin];
    const y = d[origin + 1];
    const ch = String.fromCodePoint(u);
    const after = x - right;
    const follows = run !== null && Math.abs(y - run.y) < SAME && Math.abs(size - run.size) < SAME && after >= -FOLLOWS_ON * size && after <= (spaces ? WIDE_SPACE : FOLLOWS_ON) * size;
    const advance = boxed ? Math.max(x, f[rect + 2]) : x;
    if (WHITESPACE.test(ch)) {
      // kept only between characters of its run: a run's ends are where its ink is, so that the
      // gap to the next run (a tab, a spaced-out signature line) is seen whole
      if (follows) spaces += ch;
      else run = null;
      right = advance;
      continue;
    }
    if (follows) {
      run!.text += spaces + ch;
    } else {
      run = { text: ch, x, y, width: 0, size };
      runs.push(run);
    }
    spaces = "";
    right = advance;
    run!.width = right - run!.x;
  }
  return runs;
}

/** The page's paths, those inside form XObjects placed by the form's matrix. */
export function pagePaths(e: Engine, page: number, scratch: number): Path[] {
  const out: Path[] = [];
  const n = e.fn.FPDFPage_CountObjects(page);
  for (let i = 0; i < n; i++) collectPaths(e, e.fn.FPDFPage_GetObject(page, i), IDENTITY, scratch, out);
  return out;
}

function collectPaths(e: Engine, obj: number, outer: Matrix, scratch: number, out: Path[]): void {
  const { fn } = e;
  const type = fn.FPDFPageObj_GetType(obj);
  if (type !== OBJ_PATH && type !== OBJ_FORM) return;
  const m = fn.FPDFPageObj_GetMatrix(obj, scratch) ? (Array.from(e.heap.HEAPF32.subarray(scratch >> 2, (scratch >> 2) + 6)) as Matrix) : IDENTITY;
  const matrix = multiply(outer, m);
  if (type === OBJ_FORM) {
    const n = fn.FPDFFormObj_CountObjects(obj);
    for (let i = 0; i < n; i++) collectPaths(e, fn.FPDFFormObj_GetObject(obj, i), matrix, scratch, out);
    return;
  }
  if (!fn.FPDFPath_GetDrawMode(obj, scratch, scratch + 4)) return;
  const fillMode = e.heap.HEAP32[scratch >> 2];
  const stroked = e.heap.HEAP32[(scratch + 4) >> 2] !== 0;
  const points: PathPoint[] = [];
  const count = fn.FPDFPath_CountSegments(obj);
  for (let i = 0; i < count; i++) {
    const seg = fn.FPDFPath_GetPathSegment(obj, i);
    if (!seg || !fn.FPDFPathSegment_GetPoint(seg, scratch, scratch + 4)) break;
    const type = fn.FPDFPathSegment_GetType(seg);
    const kind = type === SEG_MOVETO ? "move" : type === SEG_LINETO ? "line" : type === SEG_BEZIERTO ? "curve" : null;
    // an unknown segment: the rest of the path cannot be read
    if (!kind) break;
    const f = e.heap.HEAPF32;
    points.push({ kind, x: f[scratch >> 2], y: f[(scratch >> 2) + 1], close: fn.FPDFPathSegment_GetClose(seg) !== 0 });
  }
  out.push({ points, matrix, stroked, filled: fillMode !== 0 });
}
