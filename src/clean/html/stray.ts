// Plain text carrying stray tags (scraper residue): the text's own lines are the structure, and only
// the tags themselves go, line by line.
import type { Line, Note } from "../../model.js";
import { note } from "../../notes.js";
import { bump, type StepContext, type StepResult } from "../step.js";
import { BREAKING, decodeEntities, findTags, MARKUP_HINT } from "./markup.js";


// Elements whose content is code, not text; it goes with the tags.
const RAW_TEXT = new Set(["script", "style"]);

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
        notes.push(note("html-dropped", ctx.source, raw.line, `dropped ${raw.open} (${raw.chars} chars)`));
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
        notes.push(note("markup-line-dropped", ctx.source, l.line, `dropped a line of markup only: ${describeRaw(t.trim())}`));
      }
      text = "";
    }
    out.push(text === t ? l : { text, line: l.line });
  }
  if (raw !== null) {
    notes.push(note("html-dropped", ctx.source, raw.line, `dropped ${raw.open} (${raw.chars} chars, never closed)`));
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
