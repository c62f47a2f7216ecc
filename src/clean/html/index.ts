// html: HTML → text lines. Two inputs reach this step and need opposite treatment:
//  - a saved web page, where block elements are the structure and source newlines mean nothing;
//  - plain text carrying stray tags (scraper residue), where the text's own line structure is the
//    truth and only the tags themselves must go.
// Which one we have is decided on evidence (kind.ts); text with no markup is returned as is.
import type { CleanStep } from "../step.js";
import { detectHtmlKind } from "./kind.js";
import { htmlPageToLines } from "./page.js";
import { stripStrayTags } from "./stray.js";

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
