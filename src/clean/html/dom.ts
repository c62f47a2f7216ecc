// The parsed page as the HTML step reads it (domhandler's nodes, with parse5's source locations), and
// the walks over it that several parts need.
import { codePointAt, codePointBefore, isWide } from "../../text/chars.js";
import { BREAKING } from "./markup.js";

export interface Loc {
  startLine: number;
  startOffset: number;
  endOffset: number;
  startTag?: Loc;
  endTag?: Loc;
}

/** The parts of a parsed DOM node (domhandler) this step reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
  parent?: DomNode | null;
  sourceCodeLocation?: Loc | null;
}

/** Elements whose content is code, not text. */
export const CODE_TAGS = new Set(["script", "style", "noscript", "template"]);
const WS = /[ \t\n\r\f\u00a0\u0001]+/g;
/** Stands for an element boundary inside one-line text, where a space must survive collapsing. */
export const BRK = "\u0001";

export function isElement(n: DomNode): boolean {
  return n.type === "tag" || n.type === "script" || n.type === "style";
}

/** Visible text of a subtree, blocks separated by spaces, whitespace collapsed. */
export function plainText(n: DomNode): string {
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

export function dense(s: string): number {
  return s.replace(/\s+/g, "").length;
}

export function findFirst(n: DomNode, name: string): DomNode | null {
  if (isElement(n) && n.name === name) return n;
  for (const c of n.children ?? []) {
    const f = findFirst(c, name);
    if (f) return f;
  }
  return null;
}

export function hasAncestor(n: DomNode, names: string[]): boolean {
  for (let p = n.parent; p; p = p.parent) if (p.name && names.includes(p.name)) return true;
  return false;
}

export function blockStats(n: DomNode): { blocks: number; headings: number; tables: number; chars: number } {
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
