// The whole ingest as a pure function: files' bytes in, the dataset's files out. Used by the CLI
// (which reads and writes) and by tests.
import { createHash } from "node:crypto";
import type { PlanDocument } from "../model.js";
import { prepare } from "../pipeline.js";
import { keywords } from "../segment/keywords.js";
import { segment } from "../segment/index.js";
import { emit, type ManifestInput } from "./emit.js";
import { groupSources, reconcile, type SourceResult } from "./reconcile.js";

export interface InputFile {
  /** the path as recorded in the dataset (relative to what the user named) */
  path: string;
  bytes: Uint8Array;
}

export interface Skipped {
  path: string;
  reason: string;
}

export interface IngestResult {
  documents: PlanDocument[];
  files: Map<string, string>;
  skipped: Skipped[];
  times: StageTimes;
}

export interface IngestOptions {
  toolVersion: string;
  onFile?: (path: string, index: number, total: number) => void;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Milliseconds spent in each stage, summed over files (for `npm run bench`). */
export type StageTimes = Record<"decode+clean" | "segment" | "reconcile" | "keywords" | "emit", number>;

interface Parsed {
  results: SourceResult[];
  manifestInputs: ManifestInput[];
  skipped: Skipped[];
}

const now = () => performance.now();

/** decode → clean → segment, file by file, in a stable order. */
function parseAll(inputs: InputFile[], options: IngestOptions, times: StageTimes): Parsed {
  const ordered = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parsed: Parsed = { results: [], manifestInputs: [], skipped: [] };
  ordered.forEach((file, index) => {
    options.onFile?.(file.path, index, ordered.length);
    const hash = sha256(file.bytes);
    const base = { path: file.path, sha256: hash, bytes: file.bytes.length };
    let t = now();
    const prepared = prepare(file.bytes, file.path);
    times["decode+clean"] += now() - t;
    if (!prepared.ok) {
      parsed.skipped.push({ path: file.path, reason: prepared.message });
      parsed.manifestInputs.push({ ...base, encoding: null, document: null, status: "skipped", reason: prepared.message });
      return;
    }
    const { decoded, cleaned } = prepared;
    t = now();
    const seg = segment(cleaned.lines, cleaned.meta, file.path);
    times.segment += now() - t;
    if (!seg.meta.slug || seg.chapters.length === 0) {
      const why = cleaned.lines.length === 0 ? "no text in it, only whitespace or markup" : !seg.meta.slug ? "no county in a title" : "no chapter headings";
      const reason = `${file.path}: not recognized as a plan (${why})`;
      parsed.skipped.push({ path: file.path, reason });
      parsed.manifestInputs.push({ ...base, encoding: decoded.encoding, document: null, status: "skipped", reason });
      return;
    }
    parsed.results.push({
      source: { ...base, encoding: decoded.encoding, script: cleaned.script, repairs: sortedCounts(cleaned.repairs) },
      segmented: seg,
      notes: cleaned.notes,
    });
    parsed.manifestInputs.push({ ...base, encoding: decoded.encoding, document: seg.meta.slug, status: "ok" });
  });
  return parsed;
}

function newTimes(): StageTimes {
  return { "decode+clean": 0, segment: 0, reconcile: 0, keywords: 0, emit: 0 };
}

/** Every task text of the documents, in a stable order, with where its keywords go. */
function keywordSlots(documents: PlanDocument[]): Array<{ text: string; item: { keywords: string[] } }> {
  return documents.flatMap((d) =>
    d.chapters.flatMap((c) => [...c.items, ...c.sections.flatMap((s) => s.items)].map((it) => ({ text: `${it.title}。${it.text}`, item: it }))),
  );
}

function reconcileAll(parsed: Parsed, times: StageTimes): PlanDocument[] {
  const t = now();
  const documents = groupSources(parsed.results).map(reconcile);
  disambiguateSlugs(documents, parsed.manifestInputs);
  times.reconcile += now() - t;
  return documents;
}

function finish(documents: PlanDocument[], parsed: Parsed, options: IngestOptions, times: StageTimes): IngestResult {
  const t = now();
  const files = emit(documents, parsed.manifestInputs, options.toolVersion);
  times.emit += now() - t;
  return { documents, files, skipped: parsed.skipped, times };
}

/** The whole ingest in this thread (nodejieba is loaded here, on first use). */
export function ingest(inputs: InputFile[], options: IngestOptions): IngestResult {
  const times = newTimes();
  const parsed = parseAll(inputs, options, times);
  const documents = reconcileAll(parsed, times);
  const t = now();
  for (const slot of keywordSlots(documents)) slot.item.keywords = keywords(slot.text);
  times.keywords += now() - t;
  return finish(documents, parsed, options, times);
}

/**
 * The same ingest with keywords computed elsewhere (the CLI's keyword worker, which loads
 * nodejieba's dictionaries while this thread parses). The output is identical to ingest()'s.
 */
export async function ingestWith(inputs: InputFile[], options: IngestOptions, keywordsOf: (texts: string[]) => Promise<string[][]>): Promise<IngestResult> {
  const times = newTimes();
  const parsed = parseAll(inputs, options, times);
  const documents = reconcileAll(parsed, times);
  const t = now();
  const slots = keywordSlots(documents);
  const lists = await keywordsOf(slots.map((s) => s.text));
  slots.forEach((slot, i) => (slot.item.keywords = lists[i]!));
  times.keywords += now() - t;
  return finish(documents, parsed, options, times);
}

/** Two different plans of one county would write the same file: number the later ones. */
function disambiguateSlugs(docs: PlanDocument[], inputs: ManifestInput[]): void {
  const seen = new Map<string, number>();
  for (const d of [...docs].sort((a, b) => (a.sources[0].path < b.sources[0].path ? -1 : 1))) {
    const n = (seen.get(d.slug) ?? 0) + 1;
    seen.set(d.slug, n);
    if (n === 1) continue;
    const slug = `${d.slug}-${n}`;
    for (const i of inputs) if (d.sources.some((s) => s.path === i.path)) i.document = slug;
    d.slug = slug;
  }
}

function sortedCounts(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
