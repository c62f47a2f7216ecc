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
}

export interface IngestOptions {
  toolVersion: string;
  onFile?: (path: string, index: number, total: number) => void;
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function ingest(inputs: InputFile[], options: IngestOptions): IngestResult {
  const ordered = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const results: SourceResult[] = [];
  const manifestInputs: ManifestInput[] = [];
  const skipped: Skipped[] = [];
  ordered.forEach((file, index) => {
    options.onFile?.(file.path, index, ordered.length);
    const hash = sha256(file.bytes);
    const base = { path: file.path, sha256: hash, bytes: file.bytes.length };
    const prepared = prepare(file.bytes, file.path);
    if (!prepared.ok) {
      skipped.push({ path: file.path, reason: prepared.message });
      manifestInputs.push({ ...base, encoding: null, document: null, status: "skipped", reason: prepared.message });
      return;
    }
    const { decoded, cleaned } = prepared;
    const seg = segment(cleaned.lines, cleaned.meta, file.path);
    if (!seg.meta.slug || seg.chapters.length === 0) {
      const why = cleaned.lines.length === 0 ? "no text in it, only whitespace or markup" : !seg.meta.slug ? "no county in a title" : "no chapter headings";
      const reason = `${file.path}: not recognized as a plan (${why})`;
      skipped.push({ path: file.path, reason });
      manifestInputs.push({ ...base, encoding: decoded.encoding, document: null, status: "skipped", reason });
      return;
    }
    results.push({
      source: { ...base, encoding: decoded.encoding, script: cleaned.script, repairs: sortedCounts(cleaned.repairs) },
      segmented: seg,
      notes: cleaned.notes,
    });
    manifestInputs.push({ ...base, encoding: decoded.encoding, document: seg.meta.slug, status: "ok" });
  });
  const documents = groupSources(results).map(reconcile);
  disambiguateSlugs(documents, manifestInputs);
  for (const d of documents) addKeywords(d);
  return { documents, files: emit(documents, manifestInputs, options.toolVersion), skipped };
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

function addKeywords(d: PlanDocument): void {
  for (const c of d.chapters)
    for (const it of [...c.items, ...c.sections.flatMap((s) => s.items)]) it.keywords = keywords(`${it.title}。${it.text}`);
}

function sortedCounts(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
