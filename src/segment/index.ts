// segment: clean lines → the parts of a PlanDocument. Tables go first (their lines are not prose),
// then 专栏 boxes, then the outline over what remains, then projects, which need the outline's
// chapters and sections.
import type { Chapter, Indicator, Line, Note, Project } from "../model.js";
import { boxLineIndices, findBoxes } from "./boxes.js";
import { extractIndicators } from "./indicators.js";
import { extractMetadata, type Metadata } from "./meta.js";
import { parseOutline } from "./outline.js";
import { extractProjects, extractProjectTables } from "./projects.js";
import { note } from "../notes.js";
import type { TextPlaces } from "../read/places.js";
import { locate } from "./at.js";

export interface Segmented {
  meta: Metadata;
  chapters: Chapter[];
  indicators: Indicator[];
  projects: Project[];
  notes: Note[];
}

/** What segment is told about where its lines came from, for the facts' `at`. */
export interface SourceContext {
  /** the lines the web record's keys were read from (clean's metaLines) */
  recordLines?: Record<string, Line>;
  /** which lines of the decoded text hold text, and their pages; without it, `at` lists every line
   *  a fact's clean lines stand for, and no page */
  places?: TextPlaces;
}

export function segment(lines: Line[], recordMeta: Record<string, string>, source: string, context: SourceContext = {}): Segmented {
  const notes: Note[] = [];
  const ind = extractIndicators(lines, source);
  notes.push(...ind.notes);
  const tables = extractProjectTables(lines, ind.consumed, source);
  notes.push(...tables.notes);
  const skip = new Set([...ind.consumed, ...tables.consumed]);
  const boxes = findBoxes(lines, skip);
  const outline = parseOutline(lines, new Set([...skip, ...boxLineIndices(boxes)]), source);
  notes.push(...outline.notes);
  const front = outline.bodyStart >= 0 ? lines.slice(0, outline.bodyStart) : lines.slice(0, 40);
  const meta = extractMetadata(front, recordMeta, lines, outline.chapters.length, source, context.recordLines);
  if (meta.unknownPlace) notes.push(note("not-a-division", source, null, `"${meta.unknownPlace}" is not on China's list of administrative divisions (a typo, a renamed place, a remnant of garbling?); its division code, province and prefecture are left empty`));
  if (outline.chapters.length === 0) notes.push(note("no-outline", source, null, "no chapter headings (一、二、…) found: this may not be a plan"));
  const projects = extractProjects({ lines, positions: outline.positions, chapters: outline.chapters, boxes, source, bodyLines: outline.bodyLines });
  notes.push(...projects.notes);
  const seg = { meta, chapters: outline.chapters, indicators: ind.indicators, projects: [...projects.projects, ...tables.projects], notes };
  if (context.places) locate(seg, context.places);
  return seg;
}
