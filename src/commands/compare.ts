// `plans compare <county> <county> [...]` (alias diff) and `plans list`: read the dataset, resolve
// the counties asked for, compare them and render the result to stdout or a file.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Chalk } from "chalk";
import { distance } from "fastest-levenshtein";
import { compare, type Reference } from "../compare/index.js";
import type { Comparison } from "../compare/model.js";
import { renderCsv } from "../compare/render/csv.js";
import type { PageInfo } from "../compare/render/html-page.js";
import { renderMarkdown } from "../compare/render/markdown.js";
import { renderTable } from "../compare/render/table.js";
import type { PlanDocument } from "../model.js";
import { version } from "../version.js";
import { collectInputs, recoverInterrupted, writeAtomically, writeFileAtomically } from "./files.js";
import { EXIT, UserError } from "./io.js";
import { table } from "./ui.js";

import { FORMATS, type Format } from "../compare/formats.js";

export interface CompareOptions {
  data: string;
  format?: string;
  output?: string;
  all?: boolean;
  against?: string;
}

interface DatasetEntry {
  slug: string;
  county: string;
  title: string;
  file: string;
  sources: string[];
}

/** The dataset's table of contents (its manifest); built from seeds/ when there is none yet. */
export async function openDataset(dir: string, say: (s: string) => void): Promise<DatasetEntry[]> {
  const manifestPath = join(dir, "manifest.json");
  recoverInterrupted(dir);
  if (!existsSync(manifestPath)) {
    if (!existsSync("seeds")) throw new UserError(`${dir}: no dataset here (no manifest.json); run \`plans ingest <folder> --out ${dir}\` first`);
    say(`plans: no dataset in ${dir}/; building it from seeds/ first`);
    // the pipeline (and its dictionaries) is loaded only when there is something to build
    const { ingest } = await import("../dataset/ingest.js");
    const { files } = collectInputs(["seeds"]);
    const result = await ingest(files.map((f) => ({ path: f.rel, bytes: readFileSync(f.abs) })), { toolVersion: version });
    writeAtomically(dir, result.files);
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

function loadDocument(dir: string, entry: DatasetEntry): PlanDocument {
  // file names come from the manifest: only a plain slug file inside the dataset folder is read
  if (!/^[a-z0-9-]+\.json$/.test(entry.file)) throw new UserError(`${join(dir, "manifest.json")}: bad document file name ${JSON.stringify(entry.file)}`);
  const path = join(dir, entry.file);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as PlanDocument;
  } catch (e) {
    throw new UserError(`${path}: cannot read the county's document (${(e as Error).message})`);
  }
}

/** Up to this many counties, an unknown county's message lists them all. */
const LISTED = 30;

/** A county as the user wrote it: its slug, its name (永嘉县), or its name without 县/区/市 (永嘉). */
export function resolveCounty(asked: string, entries: DatasetEntry[], dir: string): DatasetEntry {
  const q = asked.trim().toLowerCase();
  const found = entries.find((e) => e.slug === q || e.county === asked.trim() || e.county.replace(/[县区市]$/u, "") === asked.trim());
  if (found) return found;
  const scored = entries
    .map((e) => ({ e, d: Math.min(distance(q, e.slug), distance(asked.trim(), e.county), distance(asked.trim(), e.county.replace(/[县区市]$/u, ""))) }))
    .sort((a, b) => a.d - b.d || (a.e.slug < b.e.slug ? -1 : 1));
  const near = scored[0] && scored[0].d <= Math.max(2, Math.floor(q.length / 2)) ? ` — did you mean ${scored[0].e.slug}?` : "";
  // a short dataset is listed; a large one would bury the suggestion under thousands of names
  const list = entries.length <= LISTED ? entries.map((e) => `${e.slug} (${e.county})`).join(", ") || "none" : `${entries.length} counties; \`plans list --data ${dir}\` shows them`;
  throw new UserError(`unknown county "${asked}"${near}\ncounties in ${dir}/: ${list}`, EXIT.drift);
}

export async function render(c: Comparison, format: Format, options: { width: number; color: boolean; page: PageInfo }): Promise<string> {
  switch (format) {
    case "json":
      return JSON.stringify(c, null, 2) + "\n";
    case "csv":
      return renderCsv(c);
    case "md":
      return renderMarkdown(c);
    case "html": {
      // the chart library is loaded only for the page that draws charts
      const { renderHtml } = await import("../compare/render/html.js");
      return renderHtml(c, options.page);
    }
    case "table":
      return renderTable(c, { width: options.width, chalk: new Chalk({ level: options.color ? 1 : 0 }) });
  }
}

/** The command as typed, for the HTML report's footer: `plans` and its arguments, quoted where a shell would need it. */
export function commandLine(args: string[]): string {
  // a word a shell reads as itself stays bare; others go in single quotes, a quote inside as '\''
  const quote = (a: string) => (/^[\w@%+=:,./\u3400-\u9fff-]+$/u.test(a) ? a : "'" + a.split("'").join("'\\''") + "'");
  return ["plans", ...args.map(quote)].join(" ");
}

/** Colors follow NO_COLOR / FORCE_COLOR, else whether the stream is a terminal. */
export function useColor(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return stream.isTTY === true;
}

export async function compareCommand(counties: string[], options: CompareOptions): Promise<number> {
  const format = (options.format ?? "table") as Format;
  if (!FORMATS.includes(format)) throw new UserError(`--format must be one of ${FORMATS.join(", ")} (got "${options.format}")`);
  if (options.against !== undefined && options.against !== "national") throw new UserError(`--against knows only "national" (got "${options.against}")`);
  if (!options.all && counties.length < 2) throw new UserError("compare needs two or more counties (or --all)");
  const entries = await openDataset(options.data, (s) => process.stderr.write(s + "\n"));
  const chosen = options.all ? entries : counties.map((c) => resolveCounty(c, entries, options.data));
  const seen = new Set<string>();
  for (const e of chosen) {
    if (seen.has(e.slug)) throw new UserError(`${e.slug} is asked for twice`);
    seen.add(e.slug);
  }
  if (chosen.length < 2) throw new UserError(`the dataset in ${options.data}/ has ${chosen.length} county; compare needs two`);
  const docs = chosen.map((e) => loadDocument(options.data, e));
  const comparison = compare(docs, { against: options.against as Reference | undefined });
  const toFile = options.output !== undefined;
  const text = await render(comparison, format, {
    width: toFile ? 120 : process.stdout.columns ?? (Number(process.env.COLUMNS) || 120),
    color: !toFile && useColor(process.stdout),
    page: { version, manifest: createHash("sha256").update(readFileSync(join(options.data, "manifest.json"))).digest("hex"), command: commandLine(process.argv.slice(2)) },
  });
  if (toFile) writeFileAtomically(options.output!, text);
  else process.stdout.write(text);
  return EXIT.ok;
}

export async function listCommand(options: { data: string; json?: boolean }): Promise<number> {
  const entries = await openDataset(options.data, (s) => process.stderr.write(s + "\n"));
  if (options.json) process.stdout.write(JSON.stringify(entries.map(({ slug, county, title, sources }) => ({ slug, county, title, sources })), null, 2) + "\n");
  else process.stdout.write(table(["slug", "county", "title", "sources"], entries.map((e) => [e.slug, e.county, e.title, e.sources.join(", ")])) + "\n");
  return EXIT.ok;
}
