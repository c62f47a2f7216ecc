// The whole ingest as a pure function: files' bytes in, the dataset's files out, in memory. Used by
// tests and by `plans compare` when it has to build a dataset; `plans ingest` runs the same steps
// (parseSource, planDocuments, reconcile, DatasetEmitter) streaming, on worker threads, with a cache.
import type { PlanDocument } from "../model.js";
import { keywords } from "../segment/keywords.js";
import { DatasetEmitter, memorySink, type ManifestInput } from "./emit.js";
import { keywordTexts, parseSource, setKeywords, summaryOf } from "./parse.js";
import { assignDocuments, planDocuments, reconcile, type SourceResult } from "./reconcile.js";
import { newTimes, type InputFile, type StageTimes } from "./source.js";

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
}

const now = () => performance.now();

/** The whole ingest in this thread (nodejieba is loaded here, on first use). */
export async function ingest(inputs: InputFile[], options: IngestOptions): Promise<IngestResult> {
  const times = newTimes();
  const ordered = [...inputs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const results = new Map<string, SourceResult>();
  const manifestInputs: ManifestInput[] = [];
  const skipped: Skipped[] = [];
  for (const file of ordered) {
    const { input, result } = await parseSource(file, times);
    manifestInputs.push(input);
    if (!result) {
      skipped.push({ path: file.path, reason: input.reason! });
      continue;
    }
    const t = now();
    setKeywords(result.segmented, keywordTexts(result.segmented).map((text) => keywords(text)));
    times.keywords += now() - t;
    results.set(file.path, result);
  }
  let t = now();
  const planned = planDocuments([...results.values()].map(summaryOf));
  assignDocuments(manifestInputs, planned);
  const documents = planned.map((p) => reconcile(p.paths.map((path) => results.get(path)!), p.slug));
  times.reconcile += now() - t;
  t = now();
  const sink = memorySink();
  const emitter = new DatasetEmitter(sink);
  for (const d of documents) emitter.add(d);
  emitter.finish(manifestInputs, options.toolVersion);
  times.emit += now() - t;
  return { documents, files: sink.files, skipped, times };
}
