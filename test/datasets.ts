// The datasets the global setup built (test/setup/datasets.ts): their folders, files and documents.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { PlanDocument } from "../src/model.js";

export interface Dataset {
  dir: string;
  /** file name → content */
  files: Map<string, string>;
  /** in slug order */
  documents: PlanDocument[];
}

const loaded = new Map<string, Dataset>();

/** "seeds", "seeds:001", "seeds:002", "seeds:001+002", "variant:<file in fixtures/variants>",
 *  "wild:<file in fixtures/wild>" (w19, w20, w21), "wild:plans", "format:<file in fixtures/formats>"
 *  or "formats:downloads" (every format and broken files, under downloads/). */
export function dataset(name: string): Dataset {
  const known = loaded.get(name);
  if (known) return known;
  const dir = inject("datasets")[name];
  if (!dir) throw new Error(`no dataset "${name}" was built by the global setup`);
  const files = new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")] as const));
  const manifest = JSON.parse(files.get("manifest.json")!) as { documents: Array<{ file: string }> };
  const documents = manifest.documents.map((d) => JSON.parse(files.get(d.file)!) as PlanDocument);
  const d = { dir, files, documents };
  loaded.set(name, d);
  return d;
}

/** A dataset's files as one string, for comparing with a folder the CLI wrote (see snapshot). */
export const filesOf = (name: string): Record<string, string> => Object.fromEntries(dataset(name).files);
