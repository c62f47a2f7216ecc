// Ruled tables: rules that touch make a frame; a frame of one column is a box (a 专栏) whose text is
// read as text, a frame of several is a table whose cells are the spaces between its rules. A merged
// cell is a missing rule: its text, printed once (centred across its rows, or one character per line
// in a narrow column), belongs to every row and column it covers.
import { joinWrapped } from "../join.js";
import { toLines, type Run } from "./lines.js";
import type { Segment } from "./rulings.js";

export interface Frame {
  left: number;
  right: number;
  /** y grows upwards: top > bottom */
  top: number;
  bottom: number;
  /** column boundaries, left to right */
  xs: number[];
  /** row boundaries, top to bottom */
  ys: number[];
  h: Segment[];
  v: Segment[];
  /** the rules are those a table of aligned text implies (aligned.ts), not all drawn */
  inferred?: boolean;
}

/** Rules this close (points) meet. */
const TOUCH = 2;
/** Boundaries closer than this (points) are one: no text fits between them. Where a table's cells
 *  are drawn apart (a web page's table printed by a browser: each cell boxed on its own, 2 px from
 *  the next), each boundary is two rules this close. */
const ONE_BOUNDARY = 3;
/** Text this far outside a frame's rules (points) still belongs to it. */
const MARGIN = 1;

/** The frames the rules of a page make, top to bottom. */
export function frames(segments: readonly Segment[]): Frame[] {
  const n = segments.length;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) if (touch(segments[i], segments[j])) parent[find(i)] = find(j);
  }
  const groups = new Map<number, Segment[]>();
  segments.forEach((s, i) => {
    const g = groups.get(find(i));
    if (g) g.push(s);
    else groups.set(find(i), [s]);
  });
  const out: Frame[] = [];
  for (const g of groups.values()) {
    const h = g.filter((s) => s.y1 === s.y2);
    const v = g.filter((s) => s.x1 === s.x2);
    const xs = levels(v.map((s) => s.x1));
    const ys = levels(h.map((s) => s.y1)).reverse();
    if (xs.length < 2 || ys.length < 2) continue;
    out.push({ left: xs[0], right: xs[xs.length - 1], top: ys[0], bottom: ys[ys.length - 1], xs, ys, h, v });
  }
  return out.sort((a, b) => b.top - a.top);
}

function touch(a: Segment, b: Segment): boolean {
  return a.x1 <= b.x2 + TOUCH && b.x1 <= a.x2 + TOUCH && a.y1 <= b.y2 + TOUCH && b.y1 <= a.y2 + TOUCH;
}

/** Distinct positions, those within ONE_BOUNDARY of the previous one merged, ascending. */
function levels(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - group[group.length - 1] > ONE_BOUNDARY) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

export function inside(f: Frame, x: number, y: number): boolean {
  return x >= f.left - MARGIN && x <= f.right + MARGIN && y >= f.bottom - MARGIN && y <= f.top + MARGIN;
}

/** Whether a run (by its middle) lies in a frame. */
export function runInside(f: Frame, r: Run): boolean {
  return inside(f, r.x + r.width / 2, r.y + r.size * 0.3);
}

export interface ReadTable {
  /** cell texts on the frame's grid, a merged cell's text in every slot it covers */
  rows: string[][];
  /** cells that span more than one slot */
  merged: number;
}

/** Reads a table frame's cells from the runs inside it. */
export function readTable(f: Frame, runs: readonly Run[]): ReadTable {
  const R = f.ys.length - 1;
  const C = f.xs.length - 1;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => void (parent[find(a)] = find(b));
  for (let r = 0; r < R; r++) {
    const mid = (f.ys[r] + f.ys[r + 1]) / 2;
    for (let c = 0; c + 1 < C; c++) if (!f.v.some((s) => Math.abs(s.x1 - f.xs[c + 1]) <= TOUCH && s.y1 <= mid && s.y2 >= mid)) union(r * C + c, r * C + c + 1);
  }
  for (let c = 0; c < C; c++) {
    const mid = (f.xs[c] + f.xs[c + 1]) / 2;
    for (let r = 0; r + 1 < R; r++) if (!f.h.some((s) => Math.abs(s.y1 - f.ys[r + 1]) <= TOUCH && s.x1 <= mid && s.x2 >= mid)) union(r * C + c, (r + 1) * C + c);
  }
  const pieces = new Map<number, Run[]>();
  for (const run of runs) {
    for (const piece of splitAt(run, f.xs)) {
      const col = slot(f.xs, piece.x + piece.width / 2, false);
      const row = slot(f.ys, piece.y + piece.size * 0.3, true);
      if (col < 0 || row < 0) continue;
      const cell = find(row * C + col);
      const list = pieces.get(cell);
      if (list) list.push(piece);
      else pieces.set(cell, [piece]);
    }
  }
  const texts = new Map<number, string>();
  for (const [cell, list] of pieces) texts.set(cell, toLines(list, true).map((l) => l.text).reduce(joinWrapped, ""));
  const sizes = new Map<number, number>();
  for (let i = 0; i < R * C; i++) sizes.set(find(i), (sizes.get(find(i)) ?? 0) + 1);
  const rows = Array.from({ length: R }, (_, r) => Array.from({ length: C }, (_, c) => (texts.get(find(r * C + c)) ?? "").replace(/\t/g, " ")));
  return { rows, merged: [...sizes.values()].filter((n) => n > 1).length };
}

/** The index of the slot between boundaries that holds v (ascending or, for rows, descending). */
function slot(bounds: number[], v: number, descending: boolean): number {
  for (let i = 0; i + 1 < bounds.length; i++) {
    const [a, b] = descending ? [bounds[i + 1], bounds[i]] : [bounds[i], bounds[i + 1]];
    if (v >= a - MARGIN && v <= b + MARGIN) return i;
  }
  return -1;
}

/** A run that crosses column boundaries, cut into the pieces on either side (its characters taken
 *  as equally wide, as CJK text is). */
function splitAt(run: Run, xs: number[]): Run[] {
  const chars = [...run.text];
  const crosses = xs.some((x) => x > run.x + 1 && x < run.x + run.width - 1);
  if (!crosses || chars.length < 2) return [run];
  const w = run.width / chars.length;
  const out: Run[] = [];
  let start = 0;
  for (let i = 1; i <= chars.length; i++) {
    const boundary = i < chars.length && xs.some((x) => x > run.x + (i - 0.5) * w && x <= run.x + (i + 0.5) * w);
    if (i === chars.length || boundary) {
      out.push({ ...run, text: chars.slice(start, i).join(""), x: run.x + start * w, width: (i - start) * w });
      start = i;
    }
  }
  return out;
}
