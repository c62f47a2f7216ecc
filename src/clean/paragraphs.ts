// Some web copies join a whole page's paragraphs into a few very long lines, separated by a single
// space. Splitting them back is safe only where the space cannot be inside a sentence: after a
// sentence end, before a numbered heading or item, or after a short heading that opens the segment.
import { codePointCount, HAN } from "../text/chars.js";
import { HEADING_START, MARKER } from "../text/headings.js";
import { counted, type CleanStep, type StepResult } from "./step.js";
import type { Line } from "../model.js";
import { note } from "../notes.js";

const SENTENCE_END = /[。！？；”」』]$/u;
const DATE = /^\d{4}年\d{1,2}月\d{1,2}日/u;
const DATE_END = /\d{4}年\d{1,2}月\d{1,2}日$/u;
const CJK_END = new RegExp(`[${HAN}）)”]$`, "u");
const HAN_OPENING = new RegExp(`^[${HAN}“（(]`, "u");

/** Only lines long enough to hold several paragraphs are candidates. */
const MIN_LENGTH = 200;

export function splitParagraphs(text: string): string[] {
  const parts = text.split(" ");
  const out: string[] = [];
  let current = parts[0];
  for (let i = 1; i < parts.length; i++) {
    const next = parts[i];
    const breakHere =
      next.length > 0 &&
      (SENTENCE_END.test(current) ||
        DATE_END.test(current) ||
        (CJK_END.test(current) && (MARKER.test(next) || DATE.test(next))) ||
        (HEADING_START.test(current) && codePointCount(current) <= 40 && !/[。；]/.test(current) && HAN_OPENING.test(next)));
    if (breakHere) {
      out.push(current);
      current = next;
    } else current += " " + next;
  }
  out.push(current);
  return out;
}

export const splitJoinedParagraphs: CleanStep = (lines): StepResult => {
  let split = 0;
  const out: Line[] = [];
  for (const l of lines) {
    if (l.text.length < MIN_LENGTH || codePointCount(l.text) < MIN_LENGTH || l.text.includes("\t")) {
      out.push(l);
      continue;
    }
    const parts = splitParagraphs(l.text);
    if (parts.length > 1) split += parts.length - 1;
    // each part stands somewhere in the input lines the whole did
    for (const p of parts) out.push({ ...l, text: p });
  }
  return { lines: out, notes: [], repairs: counted("paragraphs-split", split) };
};

/** No paragraph of a plan is this long; a longer line is a page or a file that lost its breaks. */
export const MAX_LINE = 4000;

/**
 * Bounds every line before the character-level steps run: a line over MAX_LINE characters is cut
 * after the last sentence end (。！？；) before the limit, or at the limit when there is none. Keeps
 * work and memory per line bounded on a 10 MB single-line file.
 */
export const splitOverlongLines: CleanStep = (lines, ctx): StepResult => {
  if (!lines.some((l) => l.text.length > MAX_LINE)) return { lines, notes: [], repairs: {} };
  const out: Line[] = [];
  let cut = 0;
  for (const l of lines) {
    if (l.text.length <= MAX_LINE) {
      out.push(l);
      continue;
    }
    let rest = l.text;
    while (rest.length > MAX_LINE) {
      const window = rest.slice(0, MAX_LINE);
      const end = Math.max(window.lastIndexOf("。"), window.lastIndexOf("！"), window.lastIndexOf("？"), window.lastIndexOf("；"));
      const at = end > MAX_LINE / 4 ? end + 1 : MAX_LINE;
      out.push({ ...l, text: rest.slice(0, at) });
      rest = rest.slice(at);
      cut++;
    }
    out.push({ ...l, text: rest });
  }
  return {
    lines: out,
    notes: [note("long-lines-split", ctx.source, null, `cut ${cut} times lines longer than ${MAX_LINE} characters`)],
    repairs: counted("long-lines-split", cut),
  };
};
