// Text tables printed as `a | b | c |` (what many sites' text export makes of an HTML table) become one
// line per row with TAB-separated cells, the same form the HTML step gives real <table>s, so that
// segmentation reads cells instead of guessing at separators.
import { counted, type CleanStep, type StepResult } from "./step.js";
import { note } from "../notes.js";
import type { Note } from "../model.js";

/**
 * A pipe row: some text before its first "|", which stands between spaces or ends the line. Tested
 * in two linear steps: the one-regex form of this backtracks quadratically on long lines.
 */
export function isPipeRow(text: string): boolean {
  const bar = text.indexOf("|");
  if (bar < 1 || !/\S/.test(text.slice(0, bar))) return false;
  return /\s\|(?:\s|$)/.test(text.slice(bar - 1, bar + 2));
}
const RULE = /^[|\s\-=_+]+$/;

/** Cells of a pipe row: split on `|`, the terminator's empty cell and trailing empties dropped. */
export function pipeCells(text: string): string[] {
  const cells = text.split("|").map((c) => c.trim());
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return cells;
}

export const pipeTables: CleanStep = (lines, ctx): StepResult => {
  let rows = 0;
  const notes: Note[] = [];
  const out = [];
  for (const l of lines) {
    if (l.text.includes("|") && RULE.test(l.text) && l.text.trim() !== "") {
      notes.push(note("rule-dropped", ctx.source, l.line, `dropped a line of rule characters (${l.text.length} chars)`));
      continue;
    }
    if (isPipeRow(l.text)) {
      rows++;
      out.push({ ...l, text: pipeCells(l.text).join("\t") });
    } else out.push(l);
  }
  return { lines: out, notes, repairs: { ...counted("table-rows", rows), ...counted("rules-dropped", notes.length) } };
};
