// A clean step is a small pure function over lines, in the manner of a unified/remark transform:
// it returns the new lines plus what it did, as counted repairs and positioned notes.
import type { Line, Note } from "../model.js";

export interface StepContext {
  /** the input's name as the user gave it; used in notes */
  source: string;
}

export interface StepResult {
  lines: Line[];
  notes: Note[];
  /** how many repairs of each kind this step made, e.g. { "mojibake-repaired": 18 } */
  repairs: Record<string, number>;
}

export type CleanStep = (lines: Line[], ctx: StepContext) => StepResult;

/** Splits decoded text into numbered lines (CRLF, CR and LF all end a line). */
export function toLines(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ text: t, line: i + 1 }));
}

export function note(stage: string, kind: string, ctx: StepContext, line: number | null, message: string): Note {
  return { stage, kind, source: ctx.source, line, message };
}

export function addRepairs(into: Record<string, number>, from: Record<string, number>): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}

/** A repairs record with one kind, empty when nothing was done (so reports list only what happened). */
export function counted(kind: string, n: number): Record<string, number> {
  return n > 0 ? { [kind]: n } : {};
}
