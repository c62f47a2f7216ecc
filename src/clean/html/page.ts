// A saved web page → lines: block elements are the structure and source newlines mean nothing;
// scripts, styles and site furniture go (each noted), tables become rows of tab-separated cells.
import { createRequire } from "node:module";
import type * as Cheerio from "cheerio";
import { note } from "../../notes.js";
import type { Line, Note } from "../../model.js";
import { bump, type StepContext, type StepResult } from "../step.js";
import { CHROME_TAGS, isChromeName, META_TAGS, PROTECTED } from "./chrome.js";
import { blockStats, CODE_TAGS, collapseSpace, dense, findFirst, hasAncestor, isElement, plainText, BRK, type DomNode } from "./dom.js";
import { BREAKING } from "./markup.js";
import { dedupeAdjacent, expandSpans, rowCells, spanAttr, tableRows } from "./table.js";


/** The sizes (in characters other than space) that decide what an element is. */
const SIZES = {
  /** a "chrome" element holding at least half of a page's text is the page (a whole page wrapped in
   *  <form id="form1">), once the page has more text than this */
  pageForChrome: 200,
  /** a table cell holding a table and more text than this, or three blocks and more text than the
   *  second, lays a page out rather than tabulating */
  layoutCellWithTable: 200,
  layoutCellWithBlocks: 500,
  layoutCellBlocks: 3,
} as const;

const BLOCK = new Set(
  (
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu " +
    "nav ol p plaintext pre section summary table tbody td tfoot th thead tr ul xmp"
  ).split(" "),
);

function describeElement(el: DomNode): string {
  let s = `<${el.name}`;
  for (const a of ["id", "class", "src"]) {
    const v = el.attribs?.[a];
    if (v) s += ` ${a}="${v.length > 40 ? v.slice(0, 39) + "…" : v}"`;
  }
  return s + ">";
}

class PageConverter {
  readonly out: Line[] = [];
  readonly notes: Note[] = [];
  readonly repairs: Record<string, number> = {};
  private buf = "";
  private bufLine: number | null = null;
  /** the input line of the buffer's last text, when it runs over several */
  private bufEnd: number | null = null;
  private bodyChars = 0;

  constructor(
    private readonly src: string,
    private readonly lines: readonly Line[],
    private readonly ctx: StepContext,
  ) {}

  /** Maps the parser's 1-based line in the joined text to the input Line's own number. */
  lineAt(parserLine: number): number {
    const l = this.lines[Math.min(Math.max(parserLine, 1), this.lines.length) - 1];
    return l ? l.line : parserLine;
  }

  private locLine(n: DomNode): number | null {
    const loc = n.sourceCodeLocation;
    return loc ? this.lineAt(loc.startLine) : null;
  }

  run(root: DomNode): void {
    const body = findFirst(root, "body");
    this.bodyChars = body ? dense(plainText(body)) : 0;
    this.walk(root);
    this.flush();
  }

  private flush(): void {
    const t = collapseSpace(this.buf);
    const line = this.bufLine ?? this.lines[0]?.line ?? 1;
    if (t !== "") this.out.push(spanning(t, line, this.bufEnd));
    this.buf = "";
    this.bufLine = null;
    this.bufEnd = null;
  }

  /** Line of the first non-space character of a text node, or null if it is all space. */
  private textLine(n: DomNode): number | null {
    const d = n.data ?? "";
    const i = d.search(/[^ \t\n\r\f\u00a0]/);
    if (i < 0) return null;
    const loc = n.sourceCodeLocation;
    if (!loc) return null;
    let nl = 0;
    for (let k = 0; k < i; k++) if (d.charCodeAt(k) === 10) nl++;
    return this.lineAt(loc.startLine + nl);
  }

  /** Line of the last non-space character of a text node, or null if it is all space. */
  private lastTextLine(n: DomNode): number | null {
    const d = n.data ?? "";
    let i = d.length - 1;
    while (i >= 0 && /[ \t\n\r\f\u00a0]/.test(d[i]!)) i--;
    const loc = n.sourceCodeLocation;
    if (i < 0 || !loc) return null;
    let nl = 0;
    for (let k = 0; k < i; k++) if (d.charCodeAt(k) === 10) nl++;
    return this.lineAt(loc.startLine + nl);
  }

  private countText(n: DomNode): void {
    const loc = n.sourceCodeLocation;
    if (!loc) return;
    const raw = this.src.slice(loc.startOffset, loc.endOffset);
    if (raw.includes("&")) bump(this.repairs, "html-entities-decoded", (raw.match(/&[#A-Za-z0-9]+;/g) ?? []).length);
  }

  private countTags(el: DomNode): void {
    const loc = el.sourceCodeLocation;
    if (!loc) return;
    bump(this.repairs, "html-tags-removed", (loc.startTag ? 1 : 0) + (loc.endTag ? 1 : 0));
  }

  /** Drops the element if it is code, metadata or site chrome, noting what went; true if dropped. */
  private drop(el: DomNode): boolean {
    const name = el.name!;
    let kind: "code" | "chrome" | "meta" | null = null;
    if (CODE_TAGS.has(name)) kind = "code";
    else if (META_TAGS.has(name)) kind = "meta";
    else if (!PROTECTED.has(name)) {
      if (CHROME_TAGS.has(name)) {
        // The HTML5 header/footer of an article holds its title and date, not site chrome.
        if (!((name === "header" || name === "footer") && hasAncestor(el, ["article", "main"]))) kind = "chrome";
      }
      if (kind === null && isChromeName(el.attribs?.id ?? "", el.attribs?.class ?? "")) kind = "chrome";
    }
    if (kind === null) return false;

    const text = kind === "code" ? (el.children ?? []).map((c) => c.data ?? "").join("") : plainText(el);
    // Some sites wrap the whole page in <form id="form1"> or a div named "...header-wrap": a
    // "chrome" element holding most of the page is the page, not chrome.
    if (kind === "chrome" && this.bodyChars > SIZES.pageForChrome && dense(text) * 2 >= this.bodyChars) return false;

    this.countTags(el);
    const line = this.locLine(el);
    if (kind === "code") {
      bump(this.repairs, "html-scripts-dropped");
      this.notes.push(note("html-dropped", this.ctx.source, line, `dropped ${describeElement(el)} (${text.length} chars)`));
    } else {
      bump(this.repairs, kind === "chrome" ? "html-chrome-dropped" : "html-meta-dropped");
      if (text !== "") {
        const preview = text.length > 24 ? text.slice(0, 24) + "…" : text;
        this.notes.push(
          note("html-dropped", this.ctx.source, line,
            `dropped ${describeElement(el)} (${text.length} chars of text: "${preview}")`),
        );
      }
    }
    return true;
  }

  private walk(n: DomNode): void {
    if (n.type === "text") {
      this.countText(n);
      if (this.bufLine === null) this.bufLine = this.textLine(n);
      this.bufEnd = this.lastTextLine(n) ?? this.bufEnd;
      this.buf += n.data ?? "";
      return;
    }
    if (!isElement(n)) {
      // document root: descend; comments, doctype, processing instructions: nothing to show
      if (n.type === "root") for (const c of n.children ?? []) this.walk(c);
      return;
    }
    if (this.drop(n)) return;
    this.countTags(n);
    const name = n.name!;
    if (name === "br" || name === "hr") {
      this.flush();
      return;
    }
    if (name === "pre" || name === "xmp" || name === "listing" || /white-space\s*:\s*pre/i.test(n.attribs?.style ?? "")) {
      this.flush();
      this.pre(n);
      return;
    }
    if (name === "table" && !this.isLayoutTable(n)) {
      this.flush();
      this.table(n);
      return;
    }
    if (name === "table") bump(this.repairs, "html-layout-tables");
    const block = BLOCK.has(name);
    if (block) this.flush();
    for (const c of n.children ?? []) this.walk(c);
    if (block) this.flush();
  }

  /** Preformatted text: its own newlines are the line breaks, each carrying its source line. */
  private pre(el: DomNode): void {
    const rows: Line[] = [];
    let cur = "";
    let curLine: number | null = null;
    const startLine = el.sourceCodeLocation?.startLine ?? 1;
    const end = (next: number | null): void => {
      rows.push({ text: cur.replace(/[ \t\r\f]+$/, "").replace(/\u00a0/g, " "), line: curLine ?? this.lineAt(startLine) });
      cur = "";
      curLine = next;
    };
    const walk = (x: DomNode): void => {
      if (x.type === "text") {
        this.countText(x);
        const base = x.sourceCodeLocation?.startLine ?? startLine;
        const parts = (x.data ?? "").split("\n");
        parts.forEach((p, i) => {
          if (i > 0) end(this.lineAt(base + i));
          if (curLine === null) curLine = this.lineAt(base + i);
          cur += p;
        });
      } else if (isElement(x)) {
        if (this.drop(x)) return;
        this.countTags(x);
        if (x.name === "br") end(null);
        else for (const c of x.children ?? []) walk(c);
      }
    };
    for (const c of el.children ?? []) walk(c);
    end(null);
    while (rows.length && rows[0].text.trim() === "") rows.shift();
    while (rows.length && rows[rows.length - 1].text.trim() === "") rows.pop();
    this.out.push(...rows);
  }

  /**
   * A table used for page layout (whole page in one cell, or a boxed passage of paragraphs) is read
   * as blocks; turning it into tab-separated rows would glue the plan into a few huge lines.
   */
  private isLayoutTable(table: DomNode): boolean {
    const rows = tableRows(table);
    let singleColumn = rows.length > 0;
    let paragraphs = false;
    for (const tr of rows) {
      const cells = rowCells(tr);
      if (cells.length > 1) singleColumn = false;
      for (const td of cells) {
        const s = blockStats(td);
        if (s.headings > 0) return true;
        if (s.tables > 0 && s.chars > SIZES.layoutCellWithTable) return true;
        if (s.blocks >= SIZES.layoutCellBlocks && s.chars > SIZES.layoutCellWithBlocks) return true;
        if (s.blocks >= 2) paragraphs = true;
      }
    }
    return singleColumn && paragraphs;
  }

  private table(table: DomNode): void {
    this.countTags(table);
    const caption = (table.children ?? []).find((c) => isElement(c) && c.name === "caption");
    if (caption) {
      const t = plainText(caption);
      if (t) this.out.push({ text: t, line: this.locLine(caption) ?? this.lineAt(1) });
    }
    const { rows, lines, ends, spans } = this.tableGrid(table);
    let emitted = 0;
    let firstLine: number | null = null;
    rows.forEach((cells, i) => {
      if (cells.every((c) => c === "")) return;
      this.out.push(spanning(cells.join("\t"), lines[i]!, ends[i]!));
      firstLine ??= lines[i];
      emitted++;
    });
    const dropped = rows.length - emitted;
    if (dropped > 0) bump(this.repairs, "html-empty-rows-dropped", dropped);
    if (emitted > 0) {
      bump(this.repairs, "html-tables");
      const cols = rows[0]?.length ?? 0;
      this.notes.push(
        note("html-table", this.ctx.source, firstLine ?? this.locLine(table),
          `table of ${emitted} rows × ${cols} columns` + (spans > 0 ? ` (${spans} spanning cells expanded)` : "")),
      );
    }
  }

  /** Cell texts on an expanded grid, plus each row's source line and the line of its last text. */
  private tableGrid(table: DomNode): { rows: string[][]; lines: number[]; ends: Array<number | null>; spans: number } {
    const trs = tableRows(table);
    const lines: number[] = [];
    const ends: Array<number | null> = [];
    let spans = 0;
    const cellRows = trs.map((tr) => {
      this.countTags(tr);
      let rowLine: number | null = null;
      let rowEnd: number | null = null;
      const cells = rowCells(tr).map((td) => {
        this.countTags(td);
        const { text, line, last } = this.cellText(td);
        rowLine ??= line;
        rowEnd = last ?? rowEnd;
        const rowspan = spanAttr(td.attribs?.rowspan, 1);
        const colspan = spanAttr(td.attribs?.colspan, 1) || 1;
        if (rowspan !== 1 || colspan !== 1) spans++;
        return { text, rowspan, colspan };
      });
      lines.push(rowLine ?? this.locLine(tr) ?? this.lineAt(1));
      ends.push(rowEnd);
      return cells;
    });
    return { rows: expandSpans(cellRows), lines, ends, spans };
  }

  /** A cell's text on one line: inner blocks and <br> become spaces, a nested table its rows joined by " / ". */
  private cellText(td: DomNode): { text: string; line: number | null; last: number | null } {
    const parts: string[] = [];
    let line: number | null = null;
    let last: number | null = null;
    const walk = (x: DomNode): void => {
      if (x.type === "text") {
        this.countText(x);
        line ??= this.textLine(x);
        last = this.lastTextLine(x) ?? last;
        parts.push(x.data ?? "");
        return;
      }
      if (!isElement(x) || this.drop(x)) return;
      if (x.name === "table") {
        this.countTags(x);
        const inner = this.tableGrid(x);
        line ??= inner.lines[0] ?? null;
        last = [...inner.ends].reverse().find((e) => e !== null) ?? inner.lines.at(-1) ?? last;
        const rows = inner.rows.map((r) => dedupeAdjacent(r).filter(Boolean).join(" ")).filter(Boolean);
        parts.push(BRK, rows.join(" / "), BRK);
        return;
      }
      this.countTags(x);
      const br = BREAKING.has(x.name!);
      if (br) parts.push(BRK);
      for (const c of x.children ?? []) walk(c);
      if (br) parts.push(BRK);
    };
    for (const c of td.children ?? []) walk(c);
    return { text: collapseSpace(parts.join("")), line, last };
  }
}

/** A line of text that starts on one input line and may end on a later one. */
function spanning(text: string, line: number, end: number | null): Line {
  return end !== null && end > line ? { text, line, end } : { text, line };
}

let cheerio: typeof Cheerio | null = null;

/**
 * A page parsed as a browser parses it (cheerio's load: parse5 into domhandler's nodes), with their
 * source locations. cheerio is loaded when a page first comes (required, since the step is
 * synchronous): most inputs are text, PDF or Word, and its entry point also loads an HTTP client
 * (undici) for its fetching helpers, some 150 ms of a parse worker's start that a worker which
 * never sees a page is spared.
 */
function parsePage(src: string): DomNode {
  cheerio ??= createRequire(import.meta.url)("cheerio") as typeof Cheerio;
  return cheerio.load(src, { sourceCodeLocationInfo: true }).root()[0] as unknown as DomNode;
}

/** Renders a whole page to lines, each carrying the input line its text starts on. */
export function htmlPageToLines(lines: readonly Line[], ctx: StepContext): StepResult {
  const src = lines.map((l) => l.text).join("\n");
  const root = parsePage(src);
  const conv = new PageConverter(src, lines, ctx);
  conv.run(root);
  bump(conv.repairs, "html-page-converted");
  conv.notes.unshift(
    note("html-page", ctx.source, lines[0]?.line ?? null,
      `read as an HTML page: ${lines.length} source lines → ${conv.out.length} text lines`),
  );
  return { lines: conv.out, notes: conv.notes, repairs: conv.repairs };
}
