// `plans ingest [paths...]`: read every file under the given paths, build the dataset in memory, and
// either write it atomically to --out or (--check) compare it with what is there.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import chalk from "chalk";
import { ingest, type InputFile, type IngestResult } from "../dataset/ingest.js";
import { tasksOf } from "../dataset/emit.js";
import { version } from "../version.js";
import { EXIT, UserError } from "./io.js";
import { progress, table } from "./ui.js";

export interface IngestOptions {
  out: string;
  check?: boolean;
  summary?: boolean;
}

/** Files under the given paths; a folder contributes its files recursively, hidden ones and links
 *  excepted. Each file's recorded path is relative to the folder it was found under. */
export function collectInputs(paths: string[]): { files: Array<{ abs: string; rel: string }>; problems: string[] } {
  const files: Array<{ abs: string; rel: string }> = [];
  const problems: string[] = [];
  const walk = (dir: string, root: string) => {
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch (e) {
      problems.push(`${dir}: cannot list (${(e as NodeJS.ErrnoException).code})`);
      return;
    }
    for (const name of entries) {
      if (name.startsWith(".")) continue;
      const abs = join(dir, name);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) problems.push(`${abs}: skipped a symbolic link`);
      else if (st.isDirectory()) walk(abs, root);
      else if (st.isFile()) files.push({ abs, rel: relative(root, abs).split(sep).join("/") });
    }
  };
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or folder`);
    }
    if (st.isDirectory()) walk(p, p);
    else files.push({ abs: p, rel: basename(p) });
  }
  return { files, problems };
}

export function ingestCommand(paths: string[], options: IngestOptions): number {
  const targets = paths.length ? paths : ["seeds"];
  const { files, problems } = collectInputs(targets);
  const inputs: InputFile[] = [];
  for (const f of files) {
    try {
      inputs.push({ path: f.rel, bytes: readFileSync(f.abs) });
    } catch (e) {
      problems.push(`${f.abs}: cannot read (${(e as NodeJS.ErrnoException).code})`);
    }
  }
  if (inputs.length === 0) throw new UserError(`nothing to ingest in ${targets.join(", ")}`);
  const bar = progress(inputs.length);
  const result = ingest(inputs, { toolVersion: version, onFile: (p, i) => bar.tick(i, p) });
  bar.done();
  for (const p of problems) process.stderr.write(chalk.yellow(`plans: warning: ${p}\n`));
  for (const s of result.skipped) process.stderr.write(chalk.yellow(`plans: skipped ${s.reason}\n`));
  if (result.documents.length === 0) throw new UserError("no plan could be ingested");
  if (options.check) return check(result, options.out);
  writeAtomically(options.out, result.files);
  if (options.summary ?? process.stderr.isTTY) process.stderr.write(summaryTable(result) + `\nwrote ${result.files.size} files to ${options.out}/\n`);
  return EXIT.ok;
}

/** Writes into a fresh sibling folder, then swaps it in: a failed run leaves the old folder as it was. */
export function writeAtomically(out: string, files: Map<string, string>): void {
  const target = resolve(out);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const [name, content] of files) writeFileSync(join(tmp, name), content);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
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
