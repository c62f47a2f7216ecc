// html: HTML → text lines. Two inputs reach this step and need opposite treatment:
//  - a saved web page, where block elements are the structure and source newlines mean nothing;
//  - plain text carrying stray tags (scraper residue), where the text's own line structure is the
//    truth and only the tags themselves must go.
// Which one we have is decided on evidence (detectHtmlKind); text with no markup is returned as is.
import * as cheerio from "cheerio";
import type { Line, Note } from "../model.js";
import { codePointAt, codePointBefore, isWide } from "../text/chars.js";
import { note, type CleanStep, type StepContext, type StepResult } from "./step.js";

const STAGE = "clean";

// ---------------------------------------------------------------------------------------------
// Tags and entities in text

// Only names a browser would treat as markup count as tags, so that inequalities written with
// ASCII letters ("x<y") are not mistaken for markup unless they also look exactly like a tag.
const HTML_NAMES = new Set(
  (
    "a abbr acronym address applet area article aside audio b base basefont bdi bdo bgsound big blink " +
    "blockquote body br button canvas caption center cite code col colgroup data datalist dd del " +
    "details dfn dialog dir div dl dt em embed fieldset figcaption figure font footer form frame " +
    "frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe image img input ins isindex kbd " +
    "keygen label layer legend li link listing main map mark marquee math menu menuitem meta meter " +
    "multicol nav nobr noembed noframes nolayer noscript object ol optgroup option output p param " +
    "picture plaintext pre progress q rb rp rt rtc ruby s samp script search section select slot small " +
    "source spacer span strike strong style sub summary sup svg table tbody td template textarea tfoot " +
    "th thead time title tr track tt u ul var video wbr xmp"
  ).split(" "),
);

// Elements whose boundaries separate words even in a one-line context.
const BREAKING = new Set(
  (
    "address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main menu nav ol p pre " +
    "section summary table tbody td tfoot th thead title tr ul"
  ).split(" "),
);

const ATTR = String.raw`\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>\x60]+))?`;
const NAME = String.raw`[A-Za-z][A-Za-z0-9]*(?:[:-][A-Za-z0-9]+)*`;
/** A well-formed tag: start tag, end tag, comment, CDATA or declaration. Group 1/2 hold the name. */
const TAG_SOURCE =
  String.raw`<(?:(${NAME})(?:${ATTR})*\s*\/?|\/(${NAME})\s*|!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|![A-Za-z][^<>]*)>`;

/** Quick screen: could this text contain a tag or an entity at all? */
const MARKUP_HINT = /<[A-Za-z/!]|&(?:#|[A-Za-z][A-Za-z0-9]*;)/;

const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

function isTagName(name: string): boolean {
  // Namespaced (Word's <o:p>, <st1:chsdate>) and custom (x-foo) elements are markup too.
  return HTML_NAMES.has(name.toLowerCase()) || name.includes(":") || name.includes("-");
}

export interface TagMatch {
  index: number;
  /** the whole tag as written */
  raw: string;
  /** lower-case element name; "" for comments, CDATA and declarations */
  name: string;
  closing: boolean;
}

/** The well-formed tags in one line of text, left to right. `<12小时`, `＜0.01`, `a<b` are not tags. */
export function findTags(text: string): TagMatch[] {
  const out: TagMatch[] = [];
  if (!text.includes("<")) return out;
  const re = new RegExp(TAG_SOURCE, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const name = m[1] ?? m[2];
    if (name !== undefined && !isTagName(name)) {
      // Not markup; let the scan resume just past this "<" so a real tag inside is still found.
      re.lastIndex = m.index + 1;
      continue;
    }
    out.push({ index: m.index, raw: m[0], name: name ? name.toLowerCase() : "", closing: m[2] !== undefined });
  }
  return out;
}

// Named entities a plan text is likely to carry; anything else is resolved by the HTML parser.
const NAMED: Record<string, string> = {
  // NBSP carries no meaning in plan text and would defeat later whitespace handling.
  nbsp: " ",
  ensp: " ",
  emsp: " ",
  thinsp: " ",
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
  ldquo: "“",
  rdquo: "”",
  lsquo: "‘",
  rsquo: "’",
  mdash: "—",
  ndash: "–",
  hellip: "…",
  middot: "·",
  times: "×",
  divide: "÷",
  deg: "°",
  plusmn: "±",
  le: "≤",
  ge: "≥",
  ne: "≠",
  permil: "‰",
  percnt: "%",
  bull: "•",
  copy: "©",
  reg: "®",
  yen: "¥",
  sect: "§",
  micro: "µ",
  sup2: "²",
  sup3: "³",
  laquo: "«",
  raquo: "»",
};
const namedCache = new Map<string, string | null>();

function decodeNamed(name: string): string | null {
  if (Object.hasOwn(NAMED, name)) return NAMED[name];
  let hit = namedCache.get(name);
  if (hit === undefined) {
    const raw = `&${name};`;
    const t = cheerio.load(raw, null, false).text();
    // The parser also expands legacy prefixes ("&notit;" → "¬it;"); only a whole-entity match counts.
    hit = t !== raw && !t.includes(";") && !t.includes("&") ? t : null;
    namedCache.set(name, hit);
  }
  return hit;
}

// What browsers substitute for numeric references into the C1 range (Windows-1252 habits).
const C1: Record<number, number> = {
  0x80: 0x20ac, 0x82: 0x201a, 0x83: 0x0192, 0x84: 0x201e, 0x85: 0x2026, 0x86: 0x2020, 0x87: 0x2021,
  0x88: 0x02c6, 0x89: 0x2030, 0x8a: 0x0160, 0x8b: 0x2039, 0x8c: 0x0152, 0x8e: 0x017d, 0x91: 0x2018,
  0x92: 0x2019, 0x93: 0x201c, 0x94: 0x201d, 0x95: 0x2022, 0x96: 0x2013, 0x97: 0x2014, 0x98: 0x02dc,
  0x99: 0x2122, 0x9a: 0x0161, 0x9b: 0x203a, 0x9c: 0x0153, 0x9e: 0x017e, 0x9f: 0x0178,
};

function decodeNumeric(cp: number): string {
  if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return "\ufffd";
  if (cp === 0xa0) return " ";
  return String.fromCodePoint(C1[cp] ?? cp);
}

/** Decodes character references (`&nbsp;` `&lt;` `&#x4e00;` `&#20108;`); unknown names stay as written. */
export function decodeEntities(text: string): { text: string; count: number } {
  if (!text.includes("&")) return { text, count: 0 };
  let count = 0;
  const out = text.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    let r: string | null;
    if (dec !== undefined) r = decodeNumeric(parseInt(dec, 10));
    else if (hex !== undefined) r = decodeNumeric(parseInt(hex, 16));
    else r = decodeNamed(name!);
    if (r === null) return m;
    count++;
    return r;
  });
  return { text: out, count };
}

// ---------------------------------------------------------------------------------------------
// Which kind of input

export type HtmlKind = "none" | "stray" | "page";

const DOC_MARKERS = new Set(["html", "head", "body"]);
const BLOCK_EVIDENCE = new Set(
  "p div tr td th li h1 h2 h3 h4 h5 h6 table br section article ul ol dl dt dd blockquote pre".split(" "),
);

/**
 * "none": no tags and no entities. "page": a document whose block elements carry the structure —
 * it has <!doctype>/<html>/<head>/<body> and at least one block start tag (p, div, tr, td, li, br …)
 * per five text lines, or, lacking those markers, at least one per two text lines. Otherwise
 * "stray": the text's own lines are the structure, and reading it as a page would glue them
 * together, as a browser would.
 */
export function detectHtmlKind(lines: readonly Line[]): HtmlKind {
  let tags = 0;
  let entities = false;
  let marker = false;
  let blocks = 0;
  let textLines = 0;
  for (const l of lines) {
    const t = l.text;
    if (!MARKUP_HINT.test(t)) {
      if (t.trim() !== "") textLines++;
      continue;
    }
    const found = findTags(t);
    tags += found.length;
    let rest = t;
    if (found.length) {
      let out = "";
      let pos = 0;
      for (const m of found) {
        out += t.slice(pos, m.index);
        pos = m.index + m.raw.length;
        if (m.closing) continue;
        if (DOC_MARKERS.has(m.name) || /^<!doctype\b/i.test(m.raw)) marker = true;
        else if (BLOCK_EVIDENCE.has(m.name)) blocks++;
      }
      rest = out + t.slice(pos);
    }
    if (!entities && /&(?:#[0-9]|#[xX][0-9a-fA-F]|[A-Za-z][A-Za-z0-9]*;)/.test(rest)) {
      entities = decodeEntities(rest).count > 0;
    }
    if (rest.trim() !== "") textLines++;
  }
  if (tags === 0) return entities ? "stray" : "none";
  if (marker && blocks >= 1 && blocks * 5 >= textLines) return "page";
  if (!marker && blocks >= 2 && blocks * 2 >= textLines) return "page";
  return "stray";
}

// ---------------------------------------------------------------------------------------------
// Plain text with stray tags

// Elements whose content is code, not text; it goes with the tags.
const RAW_TEXT = new Set(["script", "style"]);

function bump(repairs: Record<string, number>, key: string, n = 1): void {
  if (n > 0) repairs[key] = (repairs[key] ?? 0) + n;
}

/**
 * Removes tags line by line, keeping every line and its number. Script/style content (even across
 * lines) and comments go too; a line that held only tags becomes "".
 */
export function stripStrayTags(lines: readonly Line[], ctx: StepContext): StepResult {
  const out: Line[] = [];
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  // Open script/style element or comment carried over from an earlier line.
  let raw: { name: string; line: number; chars: number; open: string } | null = null;
  let inComment = false;

  for (const l of lines) {
    const t = l.text;
    if (raw === null && !inComment && !MARKUP_HINT.test(t)) {
      out.push(l);
      continue;
    }
    // Pieces of kept text, with `null` where a word-separating tag stood.
    const pieces: (string | null)[] = [];
    let pos = 0;
    let removed = 0;
    let sawMarkup = false;
    while (pos < t.length) {
      if (inComment) {
        sawMarkup = true;
        const end = t.indexOf("-->", pos);
        if (end < 0) {
          pos = t.length;
          break;
        }
        pos = end + 3;
        inComment = false;
        continue;
      }
      if (raw !== null) {
        sawMarkup = true;
        const close = new RegExp(`</${raw.name}\\s*>`, "i");
        const m = close.exec(t.slice(pos));
        if (!m) {
          raw.chars += t.length - pos;
          pos = t.length;
          break;
        }
        raw.chars += m.index;
        pos += m.index + m[0].length;
        removed++;
        notes.push(note(STAGE, "html-dropped", ctx, raw.line, `dropped ${raw.open} (${raw.chars} chars)`));
        bump(repairs, "html-scripts-dropped");
        raw = null;
        continue;
      }
      const rest = t.slice(pos);
      const tags = findTags(rest);
      // An unclosed comment opener swallows the rest of the line and continues on the next.
      const commentAt = rest.indexOf("<!--");
      const firstTag = tags[0];
      if (commentAt >= 0 && (firstTag === undefined || commentAt < firstTag.index) && !rest.includes("-->", commentAt + 4)) {
        pieces.push(rest.slice(0, commentAt));
        removed++;
        inComment = true;
        sawMarkup = true;
        pos = t.length;
        break;
      }
      if (firstTag === undefined) {
        pieces.push(rest);
        pos = t.length;
        break;
      }
      pieces.push(rest.slice(0, firstTag.index));
      removed++;
      sawMarkup = true;
      pos += firstTag.index + firstTag.raw.length;
      if (BREAKING.has(firstTag.name)) pieces.push(null);
      if (!firstTag.closing && RAW_TEXT.has(firstTag.name) && !firstTag.raw.endsWith("/>")) {
        raw = { name: firstTag.name, line: l.line, chars: 0, open: describeRaw(firstTag.raw) };
      }
    }

    let text = joinPieces(pieces);
    const dec = decodeEntities(text);
    text = dec.text;
    bump(repairs, "html-entities-decoded", dec.count);
    bump(repairs, "html-tags-removed", removed);
    if (sawMarkup && text.trim() === "") {
      if (t.trim() !== "") {
        bump(repairs, "html-lines-emptied");
        notes.push(note(STAGE, "markup-line-dropped", ctx, l.line, `dropped a line of markup only: ${describeRaw(t.trim())}`));
      }
      text = "";
    }
    out.push(text === t ? l : { text, line: l.line });
  }
  if (raw !== null) {
    notes.push(note(STAGE, "html-dropped", ctx, raw.line, `dropped ${raw.open} (${raw.chars} chars, never closed)`));
    bump(repairs, "html-scripts-dropped");
  }
  return { lines: out, notes, repairs };
}

function describeRaw(tag: string): string {
  return tag.length > 60 ? tag.slice(0, 57) + "…>" : tag;
}

/** A word-separating tag becomes a space only where it stood between two non-space characters. */
function joinPieces(pieces: (string | null)[]): string {
  let s = "";
  let pendingBreak = false;
  for (const p of pieces) {
    if (p === null) {
      pendingBreak = true;
      continue;
    }
    if (p === "") continue;
    if (pendingBreak && s !== "" && !/\s$/.test(s) && !/^\s/.test(p)) s += " ";
    pendingBreak = false;
    s += p;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Tables

export interface TableCell {
  text: string;
  rowspan: number;
  colspan: number;
}

/**
 * Lays cells out on a grid the way the HTML table algorithm does, repeating a spanning cell's text
 * in every slot it covers, and pads every row to the table's width with "".
 * rowspan 0 means "to the last row"; spans are clamped to the table.
 */
export function expandSpans(rows: readonly (readonly TableCell[])[]): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  let width = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r][c] !== undefined) c++;
      const left = rows.length - r;
      const rs = cell.rowspan <= 0 ? left : Math.min(cell.rowspan, left);
      const cs = Math.max(1, Math.min(cell.colspan, 1000));
      for (let dr = 0; dr < rs; dr++) for (let dc = 0; dc < cs; dc++) grid[r + dr][c + dc] = cell.text;
      c += cs;
    }
    width = Math.max(width, grid[r].length);
  });
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ""));
}

function spanAttr(v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  const n = parseInt(v.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : dflt;
}

// ---------------------------------------------------------------------------------------------
// Whole pages

interface Loc {
  startLine: number;
  startOffset: number;
  endOffset: number;
  startTag?: Loc;
  endTag?: Loc;
}

/** The parts of a parsed DOM node (domhandler) this step reads. */
interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  sourceCodeLocation?: Loc | null;
}

const BLOCK = new Set(
  (
    "address article aside blockquote body caption center dd details dialog dir div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu " +
    "nav ol p plaintext pre section summary table tbody td tfoot th thead tr ul xmp"
  ).split(" "),
);
const CODE_TAGS = new Set(["script", "style", "noscript", "template"]);
const CHROME_TAGS = new Set(["form", "button", "input", "select", "textarea", "iframe", "nav", "header", "footer", "aside"]);
/** Not rendered; their text is reported rather than silently lost. */
const META_TAGS = new Set(["title"]);
const CHROME_WORDS = new Set(
  (
    "nav navbar navigation menu menubar submenu topmenu breadcrumb breadcrumbs crumb crumbs bread " +
    "footer header sidebar share sharing toolbar topbar copyright"
  ).split(" "),
);
// A "header"/"footer" of the article itself (title, date, source) is content.
const CONTENT_WORDS = new Set("article content detail main post entry doc text con zoom body".split(" "));
const PROTECTED = new Set(["html", "body", "main", "article"]);
const WS = /[ \t\n\r\f\u00a0\u0001]+/g;
/** Stands for an element boundary inside one-line text, where a space must survive collapsing. */
const BRK = "\u0001";

/** Words of an id/class value: split on punctuation and camelCase, plus adjacent pairs joined ("top-bar" → topbar). */
export function classWords(value: string): string[] {
  const parts = value
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const words = [...parts];
  for (let i = 0; i + 1 < parts.length; i++) words.push(parts[i] + parts[i + 1]);
  return words;
}

/** Does an element's id/class mark it as site chrome (navigation, footer, share bar …)? */
export function isChromeName(id: string, cls: string): boolean {
  const words = [...classWords(id), ...classWords(cls)];
  const hits = words.filter((w) => CHROME_WORDS.has(w));
  if (hits.length === 0) return false;
  if (hits.every((w) => w === "header" || w === "footer") && words.some((w) => CONTENT_WORDS.has(w))) return false;
  return true;
}

function isElement(n: DomNode): boolean {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

function describeElement(el: DomNode): string {
  let s = `<${el.name}`;
  for (const a of ["id", "class", "src"]) {
    const v = el.attribs?.[a];
    if (v) s += ` ${a}="${v.length > 40 ? v.slice(0, 39) + "…" : v}"`;
  }
  return s + ">";
}

/** Visible text of a subtree, blocks separated by spaces, whitespace collapsed. */
function plainText(n: DomNode): string {
  const parts: string[] = [];
  const walk = (x: DomNode): void => {
    if (x.type === "text") parts.push(x.data ?? "");
    else if (isElement(x)) {
      if (CODE_TAGS.has(x.name!)) return;
      const br = BREAKING.has(x.name!);
      if (br) parts.push(BRK);
      for (const c of x.children ?? []) walk(c);
      if (br) parts.push(BRK);
    }
  };
  walk(n);
  return collapseSpace(parts.join(""));
}

/** Collapses HTML whitespace (and NBSP) to single spaces and trims. As CSS Text 3 has it, a source
 *  line break between two wide characters vanishes instead of becoming a space: otherwise every
 *  wrapped Chinese paragraph would gain stray spaces. */
export function collapseSpace(s: string): string {
  return s
    .replace(WS, (ws: string, at: number, all: string) =>
      !ws.includes(BRK) && ws.includes("\n") && isWide(codePointBefore(all, at)) && isWide(codePointAt(all, at + ws.length)) ? "" : " ",
    )
    .trim();
}

function dense(s: string): number {
  return s.replace(/\s+/g, "").length;
}

class PageConverter {
  readonly out: Line[] = [];
  readonly notes: Note[] = [];
  readonly repairs: Record<string, number> = {};
  private buf = "";
  private bufLine: number | null = null;
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
    if (t !== "") this.out.push({ text: t, line: this.bufLine ?? this.lines[0]?.line ?? 1 });
    this.buf = "";
    this.bufLine = null;
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
    if (kind === "chrome" && this.bodyChars > 200 && dense(text) * 2 >= this.bodyChars) return false;

    this.countTags(el);
    const line = this.locLine(el);
    if (kind === "code") {
      bump(this.repairs, "html-scripts-dropped");
      this.notes.push(note(STAGE, "html-dropped", this.ctx, line, `dropped ${describeElement(el)} (${text.length} chars)`));
    } else {
      bump(this.repairs, kind === "chrome" ? "html-chrome-dropped" : "html-meta-dropped");
      if (text !== "") {
        const preview = text.length > 24 ? text.slice(0, 24) + "…" : text;
        this.notes.push(
          note(STAGE, "html-dropped", this.ctx, line,
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
        if (s.tables > 0 && s.chars > 200) return true;
        if (s.blocks >= 3 && s.chars > 500) return true;
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
    const { rows, lines, spans } = this.tableGrid(table);
    let emitted = 0;
    let firstLine: number | null = null;
    rows.forEach((cells, i) => {
      if (cells.every((c) => c === "")) return;
      this.out.push({ text: cells.join("\t"), line: lines[i] });
      firstLine ??= lines[i];
      emitted++;
    });
    const dropped = rows.length - emitted;
    if (dropped > 0) bump(this.repairs, "html-empty-rows-dropped", dropped);
    if (emitted > 0) {
      bump(this.repairs, "html-tables");
      const cols = rows[0]?.length ?? 0;
      this.notes.push(
        note(STAGE, "html-table", this.ctx, firstLine ?? this.locLine(table),
          `table of ${emitted} rows × ${cols} columns` + (spans > 0 ? ` (${spans} spanning cells expanded)` : "")),
      );
    }
  }

  /** Cell texts on an expanded grid, plus each row's source line. */
  private tableGrid(table: DomNode): { rows: string[][]; lines: number[]; spans: number } {
    const trs = tableRows(table);
    const lines: number[] = [];
    let spans = 0;
    const cellRows = trs.map((tr) => {
      this.countTags(tr);
      let rowLine: number | null = null;
      const cells = rowCells(tr).map((td) => {
        this.countTags(td);
        const { text, line } = this.cellText(td);
        rowLine ??= line;
        const rowspan = spanAttr(td.attribs?.rowspan, 1);
        const colspan = spanAttr(td.attribs?.colspan, 1) || 1;
        if (rowspan !== 1 || colspan !== 1) spans++;
        return { text, rowspan, colspan };
      });
      lines.push(rowLine ?? this.locLine(tr) ?? this.lineAt(1));
      return cells;
    });
    return { rows: expandSpans(cellRows), lines, spans };
  }

  /** A cell's text on one line: inner blocks and <br> become spaces, a nested table its rows joined by " / ". */
  private cellText(td: DomNode): { text: string; line: number | null } {
    const parts: string[] = [];
    let line: number | null = null;
    const walk = (x: DomNode): void => {
      if (x.type === "text") {
        this.countText(x);
        line ??= this.textLine(x);
        parts.push(x.data ?? "");
        return;
      }
      if (!isElement(x) || this.drop(x)) return;
      if (x.name === "table") {
        this.countTags(x);
        const inner = this.tableGrid(x);
        line ??= inner.lines[0] ?? null;
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
    return { text: collapseSpace(parts.join("")), line };
  }
}

/** In a flattened nested table a spanned cell would otherwise repeat itself side by side. */
function dedupeAdjacent(cells: string[]): string[] {
  return cells.filter((c, i) => i === 0 || c !== cells[i - 1]);
}

function findFirst(n: DomNode, name: string): DomNode | null {
  if (isElement(n) && n.name === name) return n;
  for (const c of n.children ?? []) {
    const f = findFirst(c, name);
    if (f) return f;
  }
  return null;
}

function hasAncestor(n: DomNode, names: string[]): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.name && names.includes(p.name)) return true;
  return false;
}

/** The <tr>s of this table, not of tables nested in it. */
function tableRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  for (const c of table.children ?? []) {
    if (!isElement(c)) continue;
    if (c.name === "tr") rows.push(c);
    else if (c.name === "thead" || c.name === "tbody" || c.name === "tfoot") {
      for (const r of c.children ?? []) if (isElement(r) && r.name === "tr") rows.push(r);
    }
  }
  return rows;
}

function rowCells(tr: DomNode): DomNode[] {
  return (tr.children ?? []).filter((c) => isElement(c) && (c.name === "td" || c.name === "th"));
}

function blockStats(n: DomNode): { blocks: number; headings: number; tables: number; chars: number } {
  const s = { blocks: 0, headings: 0, tables: 0, chars: 0 };
  const walk = (x: DomNode): void => {
    if (x.type === "text") s.chars += dense(x.data ?? "");
    if (!isElement(x) || CODE_TAGS.has(x.name!)) return;
    if (/^h[1-6]$/.test(x.name!)) s.headings++;
    else if (x.name === "table") s.tables++;
    else if (x.name === "p" || x.name === "div" || x.name === "li" || x.name === "section") s.blocks++;
    for (const c of x.children ?? []) walk(c);
  };
  for (const c of n.children ?? []) walk(c);
  return s;
}

/** Renders a whole page to lines, each carrying the input line its text starts on. */
export function htmlPageToLines(lines: readonly Line[], ctx: StepContext): StepResult {
  const src = lines.map((l) => l.text).join("\n");
  const $ = cheerio.load(src, { sourceCodeLocationInfo: true });
  const conv = new PageConverter(src, lines, ctx);
  conv.run($.root()[0] as unknown as DomNode);
  bump(conv.repairs, "html-page-converted");
  conv.notes.unshift(
    note(STAGE, "html-page", ctx, lines[0]?.line ?? null,
      `read as an HTML page: ${lines.length} source lines → ${conv.out.length} text lines`),
  );
  return { lines: conv.out, notes: conv.notes, repairs: conv.repairs };
}

export const htmlToText: CleanStep = (lines, ctx) => {
  const kind = detectHtmlKind(lines);
  if (kind === "none") return { lines, notes: [], repairs: {} };
  if (kind === "page") {
    const page = htmlPageToLines(lines, ctx);
    // A page that renders to nothing (content built by script, say) still has text worth keeping.
    if (page.lines.length > 0) return page;
  }
  return stripStrayTags(lines, ctx);
};
