// The DOCX reader: the ZIP (JSZip) holds word/document.xml, whose body is read in order. A paragraph
// is a line, its Word numbering rendered as printed (docx-numbering.ts); a table is one line per row
// of TAB-separated cells on its grid, a cell merged across columns (gridSpan) or rows (vMerge) given
// to every slot it covers; a one-column table is a box (a 专栏) and its paragraphs are lines. Text
// boxes in drawings are read after the paragraph that anchors them. Page headers and footers are
// parts of their own and not read. Where Word saved its layout (w:lastRenderedPageBreak, written
// where a page began when the document was last laid out) each line gets its page.
import JSZip from "jszip";
import type { Note } from "../model.js";
import { note } from "../notes.js";
import { Numbering } from "./docx-numbering.js";
import { joinWrapped } from "./join.js";
import type { Read, Reader, Refused } from "./result.js";
import { all, attr, child, children, parseXml, root, tag, text, type XNode } from "./xml.js";

/** A part larger than this once inflated is refused rather than read (a ZIP bomb, not a plan). */
const MAX_PART_BYTES = 256 * 1024 * 1024;

interface Out {
  lines: string[];
  /** page marks of lines without text, carried to the next line */
  trailingMarks: string;
  tables: number;
  merged: number;
  boxes: number;
  numbered: number;
}

/** Where a page began, carried in the text until each line's page is told (a noncharacter: never in
 *  a document's own text, and not whitespace, so that trimming keeps it). */
const PAGE_MARK = "\uFDD0";
const PAGE_MARKS = /\uFDD0/gu;

const refused = (source: string, why: string): Refused => ({ ok: false, kind: "docx", format: "docx", message: `${source}: ${why}` });

export const readDocx: Reader = async (bytes, source) => {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    return refused(source, `a damaged Word document that cannot be read (not a readable ZIP: ${(e as Error).message})`);
  }
  const part = async (name: string): Promise<XNode[] | undefined> => {
    const f = zip.file(name);
    if (!f) return undefined;
    const size = (f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
    if (size > MAX_PART_BYTES) throw new Error(`${name} inflates to ${size} bytes`);
    return parseXml(await f.async("string"));
  };
  try {
    const main = mainPart(await part("_rels/.rels")) ?? "word/document.xml";
    const doc = await part(main);
    if (!doc) return refused(source, `a damaged Word document that cannot be read (it has no ${main})`);
    const dir = main.slice(0, main.lastIndexOf("/") + 1);
    const rels = relations(await part(`${dir}_rels/${main.slice(dir.length)}.rels`));
    const numbering = new Numbering(root((await part(dir + (rels.numbering ?? "numbering.xml"))) ?? [], "w:numbering"), root((await part(dir + (rels.styles ?? "styles.xml"))) ?? [], "w:styles"));
    const body = child(root(doc, "w:document"), "w:body");
    if (!body) return refused(source, "a damaged Word document that cannot be read (its document has no body)");
    const out: Out = { lines: [], trailingMarks: "", tables: 0, merged: 0, boxes: 0, numbered: 0 };
    blocks(children(body), numbering, out);
    return toRead(source, out);
  } catch (e) {
    return refused(source, `a damaged Word document that cannot be read (${(e as Error).message})`);
  }
};

/** Each line's page from the page marks in it (a line is on the page its text starts on), and the
 *  lines without them; no pages when Word saved no layout. */
function paged(lines: string[]): { lines: string[]; pages?: number[] } {
  if (!lines.some((l) => l.includes(PAGE_MARK))) return { lines };
  let page = 1;
  const pages = lines.map((l) => {
    const lead = /^\uFDD0*/u.exec(l)![0].length;
    const at = page + lead;
    page += (l.match(PAGE_MARKS) ?? []).length;
    return at;
  });
  return { lines: lines.map((l) => l.replace(PAGE_MARKS, "")), pages };
}

function toRead(source: string, out: Out): Read {
  const notes: Note[] = [];
  if (out.numbered) notes.push(note("docx-numbering", source, null, `${out.numbered} paragraphs numbered by Word's automatic numbering, numbers rendered as printed`));
  if (out.tables) notes.push(note("docx-tables", source, null, `${out.tables} tables as rows of cells` + (out.merged ? ` (${out.merged} merged cells given to every row and column they span)` : "")));
  if (out.boxes) notes.push(note("docx-boxes", source, null, `${out.boxes} one-column tables (boxes) read as paragraphs`));
  const { lines, pages } = paged(out.lines);
  return {
    ok: true,
    format: "docx",
    encoding: "binary",
    method: "docx",
    confidence: 1,
    text: lines.join("\n"),
    ...(pages ? { pages } : {}),
    info: out.tables ? { tables: out.tables } : {},
    notes,
  };
}

/** The main document part named by the package relationships. */
function mainPart(rels: XNode[] | undefined): string | undefined {
  for (const r of all(root(rels ?? [], "Relationships"), "Relationship")) {
    if (/\/officeDocument$/.test(attr(r, "Type") ?? "")) return (attr(r, "Target") ?? "").replace(/^\//, "");
  }
  return undefined;
}

/** The numbering and styles parts the document's relationships name. */
function relations(rels: XNode[] | undefined): { numbering?: string; styles?: string } {
  const out: { numbering?: string; styles?: string } = {};
  for (const r of all(root(rels ?? [], "Relationships"), "Relationship")) {
    const type = attr(r, "Type") ?? "";
    if (/\/numbering$/.test(type)) out.numbering = attr(r, "Target");
    if (/\/styles$/.test(type)) out.styles = attr(r, "Target");
  }
  return out;
}

/** Body-level content (the body, a cell, a text box) in order. */
function blocks(nodes: XNode[], numbering: Numbering, out: Out): void {
  for (const n of nodes) {
    const t = tag(n);
    if (t === "w:p") paragraph(n, numbering, out);
    else if (t === "w:tbl") table(n, numbering, out);
    else if (t === "w:sdt") blocks(children(child(n, "w:sdtContent") ?? {}), numbering, out);
    else if (t === "w:customXml" || t === "w:ins" || t === "w:moveTo") blocks(children(n), numbering, out);
  }
}

function paragraph(p: XNode, numbering: Numbering, out: Out): void {
  const prefix = numbering.prefix(child(p, "w:pPr"));
  if (prefix) out.numbered++;
  const boxes: XNode[] = [];
  const s = (prefix + runs(children(p), boxes)).replace(/[ \t\u00a0]+$/gm, "");
  for (const line of s.split("\n")) push(out, line);
  for (const box of boxes) blocks(children(box), numbering, out);
}

/** The text of a paragraph's runs; text boxes found in them are collected into `boxes`. */
function runs(nodes: XNode[], boxes: XNode[]): string {
  let s = "";
  for (const n of nodes) {
    switch (tag(n)) {
      case "w:r":
        for (const c of children(n)) {
          const t = tag(c);
          if (t === "w:t") s += children(c).map(text).join("");
          else if (t === "w:lastRenderedPageBreak") s += PAGE_MARK;
          else if (t === "w:tab" || t === "w:ptab") s += " ";
          else if (t === "w:br" || t === "w:cr") s += attr(c, "w:type") === "page" || attr(c, "w:type") === "column" ? "" : "\n";
          else if (t === "w:noBreakHyphen") s += "-";
          else if (t === "w:drawing" || t === "w:pict" || t === "mc:AlternateContent" || t === "w:object") findBoxes(c, boxes);
        }
        break;
      case "w:hyperlink":
      case "w:ins":
      case "w:moveTo":
      case "w:smartTag":
      case "w:customXml":
      case "w:fldSimple":
      case "w:dir":
      case "w:bdo":
        s += runs(children(n), boxes);
        break;
      case "w:sdt":
        s += runs(children(child(n, "w:sdtContent") ?? {}), boxes);
        break;
      case "mc:AlternateContent":
        s += runs(children(child(n, "mc:Choice") ?? {}), boxes);
        break;
      default:
        // w:del, w:moveFrom (deleted text), w:pPr, bookmarks, comments' anchors
        break;
    }
  }
  return s;
}

/** Text boxes inside a drawing; of an mc:AlternateContent only the first choice (its fallback is a
 *  copy of the same box for older readers). */
function findBoxes(n: XNode, boxes: XNode[]): void {
  const t = tag(n);
  if (t === "w:txbxContent") return void boxes.push(n);
  if (t === "mc:AlternateContent") {
    const choice = child(n, "mc:Choice");
    if (choice) findBoxes(choice, boxes);
    return;
  }
  for (const c of children(n)) findBoxes(c, boxes);
}

function table(tbl: XNode, numbering: Numbering, out: Out): void {
  const rows = all(tbl, "w:tr");
  const gridWidth = all(child(tbl, "w:tblGrid"), "w:gridCol").length;
  const width = Math.max(gridWidth, ...rows.map((r) => rowWidth(r)));
  if (width <= 1) {
    // a box: its paragraphs are the document's
    out.boxes++;
    for (const r of rows) for (const tc of cells(r)) blocks(children(tc), numbering, out);
    return;
  }
  const grid: string[][] = [];
  // the pages that began in each row, told once per row (a merged cell's copies carry none)
  const marks: Array<{ count: number; first: boolean }> = [];
  let merged = 0;
  rows.forEach((tr, r) => {
    const row: string[] = new Array(width).fill("");
    const began = { count: 0, first: false };
    let printed = false; // has a cell read in this row (not a merged cell's copy) had text yet?
    let col = int(child(child(tr, "w:trPr"), "w:gridBefore"), 0);
    for (const tc of cells(tr)) {
      const pr = child(tc, "w:tcPr");
      const span = Math.max(1, int(child(pr, "w:gridSpan"), 1));
      const vMerge = child(pr, "w:vMerge");
      const continued = vMerge !== undefined && attr(vMerge, "w:val") !== "restart";
      const read = continued && r > 0 ? null : cellText(tc, numbering);
      const value = read === null ? (grid[r - 1][col] ?? "") : read.replace(PAGE_MARKS, "");
      if (read !== null && read !== value) {
        // a page that began at the row's first text began before the row
        if (began.count === 0 && !printed && read.startsWith(PAGE_MARK)) began.first = true;
        began.count += read.length - value.length;
      }
      printed ||= read !== null && value !== "";
      if (span > 1 || vMerge !== undefined) merged++;
      for (let k = 0; k < span && col + k < width; k++) row[col + k] = value;
      col += span;
    }
    grid.push(row);
    marks.push(began);
  });
  out.tables++;
  out.merged += merged;
  grid.forEach((row, r) => {
    const m = PAGE_MARK.repeat(marks[r]!.count);
    push(out, (marks[r]!.first ? m : "") + row.join("\t") + (marks[r]!.first ? "" : m), row.every((c) => c === ""));
  });
}

/** Adds a line; a line without text passes its page marks on to the next. */
function push(out: Out, line: string, empty = line.replace(PAGE_MARKS, "").trim() === ""): void {
  const marks = (line.match(PAGE_MARKS) ?? []).join("");
  if (empty) {
    out.trailingMarks += marks;
    return;
  }
  out.lines.push(out.trailingMarks + line);
  out.trailingMarks = "";
}

const int = (n: XNode | undefined, dflt: number): number => {
  const v = Number.parseInt(attr(n, "w:val") ?? "", 10);
  return Number.isFinite(v) ? v : dflt;
};

/** A row's cells, inside content controls too. */
function cells(tr: XNode): XNode[] {
  return children(tr).flatMap((c) => (tag(c) === "w:tc" ? [c] : tag(c) === "w:sdt" ? all(child(c, "w:sdtContent"), "w:tc") : []));
}

function rowWidth(tr: XNode): number {
  return int(child(child(tr, "w:trPr"), "w:gridBefore"), 0) + cells(tr).reduce((n, tc) => n + Math.max(1, int(child(child(tc, "w:tcPr"), "w:gridSpan"), 1)), 0);
}

/** A cell's text on one line: its paragraphs joined (Chinese straight on, Latin words with a space),
 *  a nested table's rows joined by " / ". */
function cellText(tc: XNode, numbering: Numbering): string {
  const inner: Out = { lines: [], trailingMarks: "", tables: 0, merged: 0, boxes: 0, numbered: 0 };
  for (const n of children(tc)) {
    if (tag(n) === "w:tbl") {
      const nested: Out = { ...inner, lines: [], trailingMarks: "" };
      table(n, numbering, nested);
      inner.lines.push(nested.lines.map((l) => l.split("\t").filter(Boolean).join(" ")).join(" / ") + nested.trailingMarks);
    } else blocks([n], numbering, inner);
  }
  return inner.lines.map((l) => l.trim()).reduce(joinWrapped, "").replace(/\t/g, " ") + inner.trailingMarks;
}
