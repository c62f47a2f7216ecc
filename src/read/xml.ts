// A small view of XML as fast-xml-parser gives it with its order kept: each element an object
// holding its name's children and its attributes under ":@". Office documents are read through it.
import { XMLParser } from "fast-xml-parser";

export type XNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: "",
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
});

export function parseXml(text: string): XNode[] {
  return parser.parse(text) as XNode[];
}

/** The element's name ("w:p"), or "#text" for text. */
export function tag(n: XNode): string {
  for (const k in n) if (k !== ":@") return k;
  return "";
}

export function children(n: XNode): XNode[] {
  const c = n[tag(n)];
  return Array.isArray(c) ? (c as XNode[]) : [];
}

export function attr(n: XNode | undefined, name: string): string | undefined {
  return (n?.[":@"] as Record<string, string> | undefined)?.[name];
}

export function child(n: XNode | undefined, name: string): XNode | undefined {
  return n ? children(n).find((c) => tag(c) === name) : undefined;
}

export function all(n: XNode | undefined, name: string): XNode[] {
  return n ? children(n).filter((c) => tag(c) === name) : [];
}

/** The text of a text node. */
export function text(n: XNode): string {
  return String(n["#text"] ?? "");
}

/** The root element named `name` of a parsed document. */
export function root(doc: XNode[], name: string): XNode | undefined {
  return doc.find((n) => tag(n) === name);
}
