// Where each fact was read (model.ts `At`). Segmentation builds a fact from clean lines, each of which
// stands for a run of input lines (its `line` up to its `end`, when clean joined several); the fact's
// `at` lists those input lines. Once a source is segmented, `locate` keeps the lines that hold text
// (a wrapped paragraph's run also spans the blank lines between its lines) and adds their pages.
import type { At, Chapter, Indicator, Line, MetaAt, Project } from "../model.js";
import type { TextPlaces } from "../read/places.js";

/** What a fact was read from: a clean line, or only its input line numbers. */
export type LineRef = Pick<Line, "line" | "end">;

/** Where a fact stands that was read from these clean lines of a source. */
export function atOf(source: string, from: ReadonlyArray<LineRef | null | undefined>): At {
  const lines = new Set<number>();
  for (const l of from) if (l) for (let n = l.line; n <= (l.end ?? l.line); n++) lines.add(n);
  return { source, lines: [...lines].sort((a, b) => a - b), pages: [] };
}

/** One `at` for a fact read from several places of one source (the first one's source). */
export function joinAt(first: At, ...more: Array<At | null | undefined>): At {
  const lines = new Set(first.lines);
  const pages = new Set(first.pages);
  for (const a of more) {
    if (!a) continue;
    for (const n of a.lines) lines.add(n);
    for (const p of a.pages) pages.add(p);
  }
  return { source: first.source, lines: [...lines].sort((a, b) => a - b), pages: [...pages].sort((a, b) => a - b) };
}

export const NO_META_AT: MetaAt = { title: null, issuer: null, docNumber: null, issuedDate: null, county: null, period: null };

export type FactKind = "chapter" | "section" | "item" | "indicator" | "project" | "meta";

/** A fact of a document: what it is ("section 2.3", "meta docNumber"), its name, and where it was read. */
export interface Fact {
  kind: FactKind;
  label: string;
  name: string;
  at: At;
  /** what the fact prints, when more than its name (a project: its name and description) */
  printed?: string;
}

/** What a segmented source holds that says where it was read. */
export interface Located {
  meta: { at: MetaAt };
  chapters: Chapter[];
  indicators: Indicator[];
  projects: Project[];
}

/** Every fact of a segmented source, in document order. */
export function factsOf(seg: Located): Fact[] {
  const facts: Fact[] = [];
  const meta = seg.meta as unknown as Record<string, unknown>;
  for (const [field, at] of Object.entries(seg.meta.at)) {
    if (!at) continue;
    const value = meta[field];
    const name = field === "period" && value ? `${(value as { start: number }).start}-${(value as { end: number }).end}` : String(value ?? "");
    facts.push({ kind: "meta", label: `meta ${field}`, name, at });
  }
  for (const c of seg.chapters) {
    facts.push({ kind: "chapter", label: `chapter ${c.no}`, name: c.title, at: c.at });
    for (const it of c.items) facts.push({ kind: "item", label: `item ${c.no}.${it.no}`, name: it.title, at: it.at });
    for (const s of c.sections) {
      facts.push({ kind: "section", label: `section ${c.no}.${s.no}`, name: s.title, at: s.at });
      for (const it of s.items) facts.push({ kind: "item", label: `item ${c.no}.${s.no}.${it.no}`, name: it.title, at: it.at });
    }
  }
  seg.indicators.forEach((i, k) => facts.push({ kind: "indicator", label: `indicator ${i.no ?? k + 1}${i.table ? ` of ${i.table}` : ""}`, name: i.name, at: i.at }));
  seg.projects.forEach((p) => facts.push({ kind: "project", label: `project (${p.source}${p.group ? ` of ${p.group}` : ""})`, name: p.name, at: p.at, printed: p.name + p.description }));
  return facts;
}

/** Facts that may stand in a line that says more (a heading run into its paragraph, a period in a
 *  sentence, a 专栏 entry in a box that a layout ran into one paragraph): their `at` is narrowed to
 *  the lines that print them. A table row is not: its cells are printed among other rows' cells. */
const NARROWED: ReadonlySet<FactKind> = new Set(["chapter", "section", "item", "meta", "project"]);

/** Keeps the lines of every fact's `at` that hold text in the source (all of them when none does) —
 *  of a heading, a metadata value or a project, the fewest consecutive ones that print it, where
 *  the text as read shows it — and adds the pages of those lines. */
export function locate(seg: Located, places: TextPlaces): void {
  const done = new Set<At>();
  for (const { kind, name, at, printed } of factsOf(seg)) {
    if (done.has(at)) continue;
    done.add(at);
    const kept = at.lines.filter((n) => places.hasText(n));
    if (kept.length > 0) at.lines = kept;
    if (NARROWED.has(kind) && at.lines.length > 1) at.lines = printing(at.lines, printed ?? name, places) ?? at.lines;
    at.pages = [...new Set(at.lines.map((n) => places.pageOf(n)).filter((p): p is number => p !== null))].sort((a, b) => a - b);
  }
}

/** Text compared without its tags (a raw HTML line keeps its markup), spacing, punctuation and widths. */
const bare = (t: string) => t.replace(/<[^>]*>/gu, "").normalize("NFKC").replace(/[\s\p{P}\p{S}]+/gu, "");

/** The fewest consecutive lines (of those given) whose text, as read, holds `name`; null when none
 *  do. A window that holds it still does when it grows, so the shortest one that ends at or after
 *  each line is found in one pass of two pointers. */
function printing(lines: number[], name: string, places: TextPlaces): number[] | null {
  const wanted = bare(name);
  const texts = lines.map((n) => bare(places.textOf(n)));
  if (wanted === "" || !texts.join("").includes(wanted)) return null;
  const holds = (i: number, j: number) => texts.slice(i, j + 1).join("").includes(wanted);
  let best: [number, number] = [0, lines.length - 1];
  for (let i = 0, j = 0; i < lines.length; i++) {
    j = Math.max(j, i);
    while (j < lines.length && !holds(i, j)) j++;
    if (j === lines.length) break;
    if (j - i < best[1] - best[0]) best = [i, j];
  }
  return lines.slice(best[0], best[1] + 1);
}
