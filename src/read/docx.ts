// The DOCX reader: the ZIP (JSZip) holds word/document.xml, whose body is read in order. A paragraph
// is a line, its Word numbering rendered as printed (docx-numbering.ts); a table is one line per row
// of TAB-separated cells on its grid, a cell merged across columns (gridSpan) or rows (vMerge) given
// to every slot it covers; a one-column table is a box (a 专栏) and its paragraphs are lines. Text
// boxes in drawings are read after the paragraph that anchors them. Page headers and footers are
// parts of their own and not read.
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
  tables: number;
  merged: number;
  boxes: number;
  numbered: number;
}

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
    const out: Out = { lines: [], tables: 0, merged: 0, boxes: 0, numbered: 0 };
    blocks(children(body), numbering, out);
    return toRead(source, out);
  } catch (e) {
    return refused(source, `a damaged Word document that cannot be read (${(e as Error).message})`);
  }
};

function toRead(source: string, out: Out): Read {
  const notes: Note[] = [];
  if (out.numbered) notes.push(note("docx-numbering", source, null, `${out.numbered} paragraphs numbered by Word's automatic numbering, numbers rendered as printed`));
  if (out.tables) notes.push(note("docx-tables", source, null, `${out.tables} tables as rows of cells` + (out.merged ? ` (${out.merged} merged cells given to every row and column they span)` : "")));
  if (out.boxes) notes.push(note("docx-boxes", source, null, `${out.boxes} one-column tables (boxes) read as paragraphs`));
  return {
    ok: true,
    format: "docx",
    encoding: "binary",
    method: "docx",
    confidence: 1,
    text: out.lines.join("\n"),
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
  for (const line of s.split("\n")) if (line.trim() !== "") out.lines.push(line);
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
  let merged = 0;
  rows.forEach((tr, r) => {
    const row: string[] = new Array(width).fill("");
    let col = int(child(child(tr, "w:trPr"), "w:gridBefore"), 0);
    for (const tc of cells(tr)) {
      const pr = child(tc, "w:tcPr");
      const span = Math.max(1, int(child(pr, "w:gridSpan"), 1));
      const vMerge = child(pr, "w:vMerge");
      const continued = vMerge !== undefined && attr(vMerge, "w:val") !== "restart";
      const value = continued && r > 0 ? (grid[r - 1][col] ?? "") : cellText(tc, numbering);
      if (span > 1 || vMerge !== undefined) merged++;
      for (let k = 0; k < span && col + k < width; k++) row[col + k] = value;
      col += span;
    }
    grid.push(row);
  });
  out.tables++;
  out.merged += merged;
  for (const row of grid) if (row.some((c) => c !== "")) out.lines.push(row.join("\t"));
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
  const inner: Out = { lines: [], tables: 0, merged: 0, boxes: 0, numbered: 0 };
  for (const n of children(tc)) {
    if (tag(n) === "w:tbl") {
      const nested: Out = { ...inner, lines: [] };
      table(n, numbering, nested);
      inner.lines.push(nested.lines.map((l) => l.split("\t").filter(Boolean).join(" ")).join(" / "));
    } else blocks([n], numbering, inner);
  }
  return inner.lines.map((l) => l.trim()).reduce(joinWrapped, "").replace(/\t/g, " ");
}
