// Finding indicator tables: a header (序号 … 指标名称 … or, in a table that does not number its rows,
// column words alone) with its caption on one of the two lines above, and where its body starts.
// Reading the rows is indicators.ts's.
import type { Line } from "../model.js";
import { isIndicatorHeader, mergeStoreys, parseHeader, type Column } from "./indicator-header.js";
import { headerColumns, isYearOrRemarkCell, numbersRows } from "./indicator-columns.js";
import { CHAPTER_OR_SECTION, OPENS_HEADING } from "../text/headings.js";

export const FOOTNOTE_RE = /^注[：:]/u;
const CAPTION_MAX = 60;
const isHeading = (t: string): boolean => OPENS_HEADING.test(t);

export function compact(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

/** Is this line the end of the table body (a heading, a sentence, a footnote, another caption)? */
export function endsBody(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (FOOTNOTE_RE.test(t) || isHeading(t)) return true;
  if (/。$/.test(t) || compact(t).length > 50) return true;
  return false;
}

export interface Found {
  caption: string | null;
  captionIndex: number | null;
  headerIndex: number;
  header: string;
  columns: Column[];
  /** first line index after the header */
  bodyStart: number;
}

/** A caption names a table of indicators and is not a sentence. */
function captionText(text: string): { caption: string; headerTail: string } | null {
  const t = text.trim();
  if (t.length > CAPTION_MAX || /[。；]$/.test(t) || !/指标|专栏|^表\s*\d/.test(t)) return null;
  if (CHAPTER_OR_SECTION.test(t)) return null;
  // A bare table number ("1  晋江市…核心指标") is layout, not part of the name; "专栏 1：" loses the PDF's space.
  let caption = t
    .replace(/^\d{1,2}[\s\u3000]+(?=\S)/u, "")
    .replace(/^(专栏|表)[\s\u3000]+(?=\d)/u, "$1")
    // a lead-in names its table as a caption would: "主要指标见下表：" is the table 主要指标
    .replace(/[，,]?(?:(?:详见|见|如)下表|如下)?[：:]$/u, "");
  // PDF unwrapping can glue the first header cell onto the caption ("…完成情况2020年目标").
  let headerTail = "";
  const glued = /(?<=[指标情况表况])((?:\d{4}年?)?(?:目标|基数|基期值)|序号.*)$/u.exec(caption);
  if (glued) {
    headerTail = glued[1]!;
    caption = caption.slice(0, glued.index);
  }
  return { caption: caption.trim(), headerTail };
}

/** The first line of a table body: a row numbered 1 whose next cell is not a column word, or a TAB
 *  row whose number follows a merged 分类 cell ("安全生产\t1\t…"). */
function isFirstRow(text: string): boolean {
  const t = text.trim();
  return /^1(?:[\t \u3000]|$)/u.test(t) || /^[^\t\d][^\t]*\t1\t/u.test(t);
}

/** A header whose first cell PDF unwrapping glued onto the caption starts with that cell. */
const hasCellGluedToCaption = (headerText: string) => !headerText.startsWith("\n") && headerText.includes("\n");

/** The caption on one of the two lines above a header, if any, and the header cell glued to it. */
function captionAbove(lines: Line[], headerIndex: number): { caption: string; captionIndex: number; headerTail: string } | null {
  for (let k = headerIndex - 1; k >= Math.max(0, headerIndex - 2); k--) {
    const c = captionText(lines[k]!.text);
    if (c) return { ...c, captionIndex: k };
  }
  return null;
}

/**
 * A table that does not number its rows: a TAB header whose every cell names a column (an
 * indicator name and a figure among them, no 序号) over TAB rows, as HTML, Word and ruled PDF
 * tables arrive. (One printed a cell per line: unnumberedStack.)
 */
function unnumberedTable(lines: Line[], i: number): Found | null {
  const text = lines[i]!.text;
  if (!text.includes("\t") || !lines[i + 1]?.text.includes("\t")) return null;
  const columns = headerColumns(text);
  if (!columns || numbersRows(columns)) return null;
  const above = captionAbove(lines, i);
  return { caption: above?.caption ?? null, captionIndex: above?.captionIndex ?? null, headerIndex: i, header: text, columns, bodyStart: i + 1 };
}

/** How many lines a header printed one cell per line may take. */
const STACKED_HEADER_MAX = 8;
/** The longest column word ("2025年目标值", "指标名称"): a longer line is no header cell, and is
 *  not scanned for column words (every line of a plan is tried as a header's first). */
const COLUMN_WORD_MAX = 10;

/**
 * A table that does not number its rows, printed one cell per line (a Word table saved as a web
 * page or text): a header of column words, one per line, whose last column is the nature
 * (约束性/预期性) — the word that ends each row, since no number starts one.
 */
function unnumberedStack(lines: Line[], i: number): Found | null {
  const cells: string[] = [];
  let j = i;
  for (; j < lines.length && j < i + STACKED_HEADER_MAX; j++) {
    const t = compact(lines[j]!.text);
    if (!isColumnCell(t)) break;
    cells.push(t);
  }
  const columns = stackedColumns(cells);
  if (!columns || numbersRows(columns) || columns.at(-1)!.kind !== "nature") return null;
  // a column after the nature (备注) would be read as the first row's
  // a row number under it is a numbered table's, whose header starts above (序号)
  const next = lines[j]?.text.trim() ?? "";
  if (next === "" || next.includes("\t") || /^\d{1,3}$/.test(next) || endsBody(next) || isColumnCell(compact(next))) return null;
  const above = captionAbove(lines, i);
  return { caption: above?.caption ?? null, captionIndex: above?.captionIndex ?? null, headerIndex: i, header: lines.slice(i, j).map((l) => l.text).join("\n"), columns, bodyStart: j };
}

/** A line that is one header cell and nothing else: a column word, a bare year, 备注. */
function isColumnCell(t: string): boolean {
  if (t.length > COLUMN_WORD_MAX) return false;
  const found = parseHeader(t);
  return (found.length === 1 && found[0]!.label === t) || isYearOrRemarkCell(t);
}

/** The columns of a header printed a cell per line, read cell by cell as a TAB header is (bare
 *  years included); null unless they name indicators. */
function stackedColumns(cells: string[]): Column[] | null {
  return cells.length >= 3 ? headerColumns(cells.join("\t")) : null;
}

export function findTables(lines: Line[], skip: Set<number>): Found[] {
  const found: Found[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const unnumbered = unnumberedTable(lines, i) ?? unnumberedStack(lines, i);
    if (unnumbered) {
      found.push(unnumbered);
      i = unnumbered.bodyStart;
      continue;
    }
    const first = compact(lines[i]!.text);
    if (!/^(?:序号|序$|分类|类别)|\t序号/u.test(first) && !/^序号/u.test(lines[i]!.text)) continue;
    // Header: from here up to the first numbered row.
    let j = i;
    const parts: string[] = [];
    while (j < lines.length && j < i + 10 && !isFirstRow(lines[j]!.text)) parts.push(lines[j++]!.text);
    if (j >= lines.length || !isFirstRow(lines[j]!.text)) continue;
    const above = captionAbove(lines, i);
    const caption = above?.caption ?? null;
    const captionIndex = above?.captionIndex ?? null;
    let headerText = mergeStoreys(parts).join("\n");
    if (above) headerText = above.headerTail + "\n" + headerText;
    // a one-line TAB header is read cell by cell ("指标" | "属性" is not 指标属性)
    let columns = (parts.length === 1 && !hasCellGluedToCaption(headerText) && headerColumns(parts[0]!)) || parseHeader(headerText);
    // a header a cell per line whose figures are headed by bare years (2020年 / 2025年), which the
    // header read as one run of text does not see: read cell by cell
    if (!isIndicatorHeader(columns) && parts.every((p) => isColumnCell(compact(p)))) columns = stackedColumns(parts.map(compact)) ?? columns;
    if (!isIndicatorHeader(columns)) continue;
    found.push({ caption, captionIndex, headerIndex: i, header: headerText, columns, bodyStart: j });
    i = j;
  }
  return found;
}
