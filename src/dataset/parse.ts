// One input file → what the dataset needs of it: its manifest entry, and (when it is a plan) its
// segmented result. Pure and independent of every other file, so files can be parsed in any order,
// on any thread, and cached by their content.
import { prepare } from "../pipeline.js";
import { documentFacts, skipReason } from "../segment/document.js";
import { segment, type Segmented } from "../segment/index.js";
import type { ManifestInput } from "./emit.js";
import { completeness, normTitle, type SourceResult } from "./reconcile.js";
import { newTimes, sha256, type InputFile, type SourceSummary, type StageTimes } from "./source.js";

export interface ParsedSource {
  input: ManifestInput;
  /** null when the file was skipped (input.reason says why) */
  result: SourceResult | null;
}

const now = () => performance.now();

/** read → clean → segment for one file. Keywords are left empty (see keywordTexts). */
export async function parseSource(file: InputFile, times: StageTimes = newTimes(), hash = sha256(file.bytes)): Promise<ParsedSource> {
  const base = { path: file.path, sha256: hash, bytes: file.bytes.length };
  const prepared = await prepare(file.bytes, file.path, times);
  if (!prepared.ok) return { input: { ...base, format: prepared.format ?? null, encoding: null, document: null, status: "skipped", reason: prepared.message }, result: null };
  const { read, cleaned, places } = prepared;
  const { format, encoding } = read;
  const t = now();
  const seg = segment(cleaned.lines, cleaned.meta, file.path, { recordLines: cleaned.metaLines, places });
  times.segment += now() - t;
  const skip = cleaned.lines.length === 0 ? "no text in it, only whitespace or markup" : skipReason(documentFacts(seg));
  if (skip) {
    const reason = `${file.path}: not taken as a plan: ${skip}`;
    return { input: { ...base, format, encoding, document: null, status: "skipped", reason }, result: null };
  }
  return {
    input: { ...base, format, encoding, document: seg.meta.slug, status: "ok" },
    result: {
      source: { ...base, format, encoding, script: cleaned.script, repairs: sortedCounts(cleaned.repairs) },
      segmented: seg,
      notes: cleaned.notes,
    },
  };
}

export function summaryOf(r: SourceResult): SourceSummary {
  return { path: r.source.path, slug: r.segmented.meta.slug ?? "", title: normTitle(r.segmented.meta.title), completeness: completeness(r.segmented) };
}

/** The task items of a source, in document order. */
function itemsOf(seg: Segmented): Array<{ title: string; text: string; keywords: string[] }> {
  return seg.chapters.flatMap((c) => [...c.items, ...c.sections.flatMap((s) => s.items)]);
}

/** The text each task's keywords are computed from. A document's tasks are its primary source's, so
 *  keywords can be computed per source, as soon as it is parsed. */
export function keywordTexts(seg: Segmented): string[] {
  return itemsOf(seg).map((it) => `${it.title}。${it.text}`);
}

export function setKeywords(seg: Segmented, lists: string[][]): void {
  const items = itemsOf(seg);
  if (items.length !== lists.length) throw new Error(`keywords: ${lists.length} lists for ${items.length} tasks`);
  items.forEach((it, i) => (it.keywords = lists[i]!));
}

function sortedCounts(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
