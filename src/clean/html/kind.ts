// Which kind of input the HTML step has: none, text with stray tags, or a page.
import type { Line } from "../../model.js";
import { decodeEntities, findTags, MARKUP_HINT } from "./markup.js";

export type HtmlKind = "none" | "stray" | "page";

/** How many text lines a block start tag may stand for in a page: one per five where the document
 *  marks itself (<html>, <body> …), one per two where it does not, and then at least two of them.
 *  Text with stray tags has far fewer. */
const PAGE = { linesPerBlockMarked: 5, linesPerBlockUnmarked: 2, minBlocksUnmarked: 2 } as const;

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
  if (marker && blocks >= 1 && blocks * PAGE.linesPerBlockMarked >= textLines) return "page";
  if (!marker && blocks >= PAGE.minBlocksUnmarked && blocks * PAGE.linesPerBlockUnmarked >= textLines) return "page";
  return "stray";
}
