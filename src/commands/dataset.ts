// Reading a dataset folder for the commands that use one (compare, list): its manifest's table of
// contents and a county's document. A missing dataset is built from the bundled seeds first.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PlanDocument } from "../model.js";
import { UserError } from "./exit.js";
import { recoverInterrupted } from "./files.js";
import type { Io } from "./io.js";

export interface DatasetEntry {
  slug: string;
  county: string;
  divisionCode?: string | null;
  province?: string | null;
  level?: string;
  domain?: string;
  title: string | null;
  file: string;
  sources: string[];
}

/** The dataset's table of contents (its manifest); built from seeds/ when there is none yet. */
export async function openDataset(io: Io, dir: string, say: (s: string) => void): Promise<DatasetEntry[]> {
  const manifestPath = join(dir, "manifest.json");
  recoverInterrupted(dir);
  if (!existsSync(manifestPath)) {
    // the pipeline (and its dictionaries) is loaded only when there is something to build
    const { buildDefaultDataset, DEFAULT_INPUT } = await import("./ingest.js");
    if (existsSync(DEFAULT_INPUT)) say(`plans: no dataset in ${dir}/; building it from ${DEFAULT_INPUT}/ first`);
    await buildDefaultDataset(io, dir);
  }
  let manifest: { documents?: DatasetEntry[] };
  try {
    manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  } catch (e) {
    throw new UserError(`${manifestPath}: not a readable dataset manifest (${(e as Error).message})`);
  }
  if (!Array.isArray(manifest.documents)) throw new UserError(`${manifestPath}: has no documents list`);
  return manifest.documents;
}

export function loadDocument(dir: string, entry: DatasetEntry): PlanDocument {
  // file names come from the manifest: only a plain slug file inside the dataset folder is read
  if (!/^[a-z0-9-]+\.json$/.test(entry.file)) throw new UserError(`${join(dir, "manifest.json")}: bad document file name ${JSON.stringify(entry.file)}`);
  const path = join(dir, entry.file);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as PlanDocument;
  } catch (e) {
    throw new UserError(`${path}: cannot read the county's document (${(e as Error).message})`);
  }
}
