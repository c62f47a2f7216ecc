// The small shared vocabulary of ingest: an input file, its hash, a parsed source's summary and the
// stage clock. Kept apart from parse.ts so that the main thread of `plans ingest`, which only
// orchestrates, does not load the pipeline (cheerio, OpenCC) that the parse workers run.
import { createHash } from "node:crypto";

export interface InputFile {
  /** the path as recorded in the dataset (relative to what the user named) */
  path: string;
  bytes: Uint8Array;
}

/** Milliseconds spent in each stage, summed over files (for `npm run bench`). */
export type StageTimes = Record<"read" | "clean" | "segment" | "keywords" | "reconcile" | "emit", number>;

export function newTimes(): StageTimes {
  return { read: 0, clean: 0, segment: 0, keywords: 0, reconcile: 0, emit: 0 };
}

/** What grouping and ordering need of a parsed source, without the source itself. */
export interface SourceSummary {
  path: string;
  slug: string;
  title: string;
  completeness: number;
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

