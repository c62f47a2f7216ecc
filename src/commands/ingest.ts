// `plans ingest [paths...]`: read every file under the given paths, build the dataset in memory, and
// either write it atomically to --out or (--check) compare it with what is there.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import chalk from "chalk";
import { ingestWith, type InputFile, type IngestResult } from "../dataset/ingest.js";
import type { KeywordWorker } from "../segment/keywords-pool.js";
import { tasksOf } from "../dataset/emit.js";
import { version } from "../version.js";
import { collectInputs, recoverInterrupted, writeAtomically } from "./files.js";
import { EXIT, UserError } from "./io.js";
import { progress, table } from "./ui.js";

export interface IngestOptions {
  out: string;
  check?: boolean;
  summary?: boolean;
  /** any skipped file makes the run fail (exit 1) */
  strict?: boolean;
  /** largest input file in MB */
  maxSize?: number;
}

/** A county plan is well under 2 MB; a far larger file is a corpus or an archive, not one plan. */
export const DEFAULT_MAX_MB = 16;

export async function ingestCommand(paths: string[], options: IngestOptions, worker: KeywordWorker): Promise<number> {
  const targets = paths.length ? paths : ["seeds"];
  recoverInterrupted(options.out);
  const { files, problems } = collectInputs(targets);
  const maxBytes = (options.maxSize ?? DEFAULT_MAX_MB) * 1024 * 1024;
  const inputs: InputFile[] = [];
  for (const f of files) {
    try {
      // the size is checked before reading, so that a 5 GB file is not read to be refused
      const size = statSync(f.abs).size;
      if (size > maxBytes) {
        problems.push(`${f.abs}: skipped, ${(size / 1024 / 1024).toFixed(1)} MB is more than one plan (limit ${maxBytes / 1024 / 1024} MB; --max-size raises it)`);
        continue;
      }
      inputs.push({ path: f.rel, bytes: readFileSync(f.abs) });
    } catch (e) {
      problems.push(`${f.abs}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  if (inputs.length === 0) {
    for (const p of problems) process.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
    throw new UserError(`nothing to ingest in ${targets.join(", ")}`);
  }
  // nodejieba's dictionaries load in the worker while this thread parses
  const bar = progress(inputs.length);
  let result: IngestResult;
  try {
    result = await ingestWith(inputs, { toolVersion: version, onFile: (p, i) => bar.tick(i, p) }, worker.keywordsOf);
  } finally {
    bar.done();
  }
  for (const p of problems) process.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
  for (const s of result.skipped) process.stderr.write(chalk.yellow(`plans: skipped ${s.reason}\n`));
  if (result.documents.length === 0) throw new UserError("no plan could be ingested");
  const status = options.check ? check(result, options.out) : EXIT.ok;
  if (!options.check) {
    writeAtomically(options.out, result.files);
    if (options.summary ?? process.stderr.isTTY) process.stderr.write(summaryTable(result) + `\nwrote ${result.files.size} files to ${options.out}/\n`);
  }
  const passedOver = problems.length + result.skipped.length;
  if (options.strict && passedOver > 0 && status === EXIT.ok) {
    process.stderr.write(`plans: --strict: ${passedOver} file${passedOver > 1 ? "s" : ""} skipped\n`);
    return EXIT.drift;
  }
  return status;
}

function check(result: IngestResult, out: string): number {
  const changed: string[] = [];
  const existing = existsSync(out) ? readdirSync(out).filter((f) => !f.startsWith(".")) : [];
  for (const [name, content] of result.files) {
    const path = join(out, name);
    if (!existsSync(path)) changed.push(`  added    ${name}`);
    else if (readFileSync(path, "utf8") !== content) changed.push(`  changed  ${name}${firstDifference(readFileSync(path, "utf8"), content)}`);
  }
  for (const f of existing) if (!result.files.has(f)) changed.push(`  removed  ${f}`);
  if (changed.length === 0) {
    process.stderr.write(`${out}/ is up to date (${result.files.size} files)\n`);
    return EXIT.ok;
  }
  process.stdout.write(`${out}/ differs from a fresh build of the inputs:\n${changed.join("\n")}\n`);
  return EXIT.drift;
}

function firstDifference(a: string, b: string): string {
  const la = a.split("\n");
  const lb = b.split("\n");
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    if (la[i] !== lb[i]) return ` (first at line ${i + 1}: ${JSON.stringify((la[i] ?? "").slice(0, 60))} → ${JSON.stringify((lb[i] ?? "").slice(0, 60))})`;
  }
  return "";
}

export function summaryTable(result: IngestResult): string {
  const rows = result.documents.map((d) => [
    d.slug,
    d.county,
    String(d.sources.length),
    [...new Set(d.sources.map((s) => s.encoding))].join(","),
    String(d.chapters.length),
    String(d.chapters.reduce((a, c) => a + c.sections.length, 0)),
    String(tasksOf(d).length),
    String(d.indicators.length),
    String(d.projects.length),
    String(d.notes.length),
  ]);
  return table(["slug", "county", "sources", "encoding", "chapters", "sections", "tasks", "indicators", "projects", "notes"], rows);
}
