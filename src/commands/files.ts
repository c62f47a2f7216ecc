// Files in and out for the commands: walking the folders a user names, guarding the output folder,
// and writing a folder or a file so that it appears whole or not at all. plans replaces only the
// files it wrote: whatever else a user keeps in the output folder is carried into the new one.
// No pipeline code here, so commands that only read the dataset start fast.
import { appendFileSync, chmodSync, createReadStream, copyFileSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { TABLE_FILES } from "../dataset/emit.js";
import { cannotWrite, systemReason, UserError } from "./exit.js";

/** One file's bytes, with an error naming it. `-` is stdin; a pipe (/dev/stdin, a shell's process
 *  substitution) is read as a stream to its end (a synchronous read of a pipe another process left
 *  non-blocking fails with EAGAIN). */
export async function readInput(path: string, stdin: NodeJS.ReadableStream): Promise<Uint8Array> {
  const failed = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException).code;
    return new UserError(code === "ENOENT" ? `${path}: no such file` : `${path}: cannot read (${systemReason(e)})`);
  };
  if (path === "-") return readStream(stdin);
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw failed(e);
  }
  if (st.isDirectory()) throw new UserError(`${path}: a folder, not a file`);
  try {
    return st.isFile() ? readFileSync(path) : await readStream(createReadStream(path));
  } catch (e) {
    throw failed(e);
  }
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Whether `path` is a stream (a pipe, /dev/stdin) rather than a file that can be read again. */
export function isStream(path: string): boolean {
  try {
    const st = statSync(path);
    return !st.isFile() && !st.isDirectory();
  } catch {
    return false;
  }
}

export interface InputFile {
  abs: string;
  /** the path recorded in the dataset: relative to the common folder of the paths the user named */
  rel: string;
}

/** The real path of `p`, also when its last parts do not exist yet. */
function realPath(p: string): string {
  const abs = resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = dirname(abs);
    return parent === abs ? abs : join(realPath(parent), basename(abs));
  }
}

const isInside = (child: string, parent: string) => child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

/** The deepest folder that holds all of them. */
function commonFolder(folders: string[]): string {
  let common = folders[0]!;
  for (const f of folders.slice(1)) while (!isInside(f, common)) common = dirname(common);
  return common;
}

/**
 * Files under the given paths; a folder contributes its files recursively, hidden ones and links
 * excepted, and the folder `skip` (the output) not at all. Each file's recorded path is relative to
 * the common folder of the paths, so that files of one name in different folders stay apart. A
 * file named twice (itself and through its folder) is one input.
 */
export function collectInputs(paths: string[], options: { skip?: string } = {}): { files: InputFile[]; problems: string[] } {
  const found: string[] = [];
  const problems: string[] = [];
  const skip = options.skip ? realPath(options.skip) : null;
  const walk = (dir: string) => {
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
      else if (st.isDirectory()) {
        if (skip === null || realPath(abs) !== skip) walk(abs);
      } else if (st.isFile()) found.push(abs);
    }
  };
  const roots: string[] = [];
  for (const p of paths) {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`${p}: no such file or folder`);
    }
    const abs = resolve(p);
    if (st.isDirectory()) {
      roots.push(abs);
      walk(abs);
    } else {
      roots.push(dirname(abs));
      found.push(abs);
    }
  }
  const root = commonFolder(roots);
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const abs of found) {
    if (seen.has(abs)) continue;
    seen.add(abs);
    files.push({ abs, rel: relative(root, abs).split(sep).join("/") });
  }
  return { files, problems };
}

/** The files of the plans dataset in `dir` (its manifest, tables, documents and a cache kept
 *  inside by earlier versions), or null when `dir` holds no plans manifest. */
export function datasetFilesIn(dir: string): Set<string> | null {
  let manifest: { tool?: { name?: unknown }; documents?: Array<{ file?: unknown }> };
  try {
    manifest = JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  } catch {
    return null;
  }
  if (manifest?.tool?.name !== "plans") return null;
  const names = new Set(["manifest.json", ...TABLE_FILES, ".cache"]);
  for (const d of Array.isArray(manifest.documents) ? manifest.documents : []) if (typeof d?.file === "string" && DATASET_FILE.test(d.file)) names.add(d.file);
  return names;
}

/**
 * Refuses an output folder that would harm the user's files: one that is or holds an input
 * (always), and one that exists, is not empty and is not a plans dataset (unless `force`).
 */
export function checkOutput(out: string, inputs: string[], options: { force?: boolean } = {}): void {
  const target = realPath(out);
  for (const p of inputs) {
    const input = realPath(p);
    if (input === target) throw new UserError(`${out}: the output folder is the input ${p}; choose another --out`);
    if (isInside(input, target)) throw new UserError(`${out}: the output folder contains the input ${p}; choose another --out`);
  }
  let st;
  try {
    st = statSync(target);
  } catch {
    return;
  }
  if (!st.isDirectory()) throw new UserError(`${out}: exists and is not a folder`);
  if (options.force || readdirSync(target).length === 0 || datasetFilesIn(target)) return;
  throw new UserError(`${out}: not empty and not a plans dataset (no plans manifest.json); choose another --out, or add --force to write the dataset beside its files`);
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The staging folders this process is writing: a run in this process (main() may run twice at
 *  once in one host) must not take another's for a killed run's leftover. */
const writing = new Set<string>();
let workFolderCount = 0;

/** A work folder's path beside `target`: what it is for, the process that made it and a count, so
 *  that two runs in one process never share one. */
const workFolder = (target: string, kind: "tmp" | "old"): string => join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${++workFolderCount}`);

/** The work folders of a write to `out`, with the process that made them. */
function workFolders(out: string): Array<{ path: string; kind: "tmp" | "old"; pid: number }> {
  const target = resolve(out);
  const parent = dirname(target);
  try {
    if (!statSync(parent).isDirectory()) return [];
  } catch {
    return [];
  }
  // .NAME.tmp-PID-N and .NAME.old-PID-N; earlier versions wrote .NAME.tmp-PID and .NAME.old-PID(-2)
  const re = new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)(?:-\\d+)?$`);
  return readdirSync(parent).flatMap((name) => {
    const m = re.exec(name);
    return m ? [{ path: join(parent, name), kind: m[1] as "tmp" | "old", pid: Number(m[2]) }] : [];
  });
}

/**
 * Puts right what a killed run left: its half-written folder goes, and if it died between moving
 * the old output aside and moving the new one in, the old output comes back. Folders of a run that
 * is still going are left alone.
 */
export function recoverInterrupted(out: string): void {
  const target = resolve(out);
  for (const w of workFolders(out)) {
    if (writing.has(w.path) || (w.pid !== process.pid && isAlive(w.pid))) continue;
    if (w.kind === "old" && !existsSync(target)) renameSync(w.path, target);
    else rmSync(w.path, { recursive: true, force: true });
  }
}

const DATASET_FILE = /^[a-z0-9][a-z0-9-]*\.(?:json|csv)$/;

/** A dataset being written: files go into a fresh sibling folder, which commit() swaps in. */
export interface Staging {
  /** the folder being written */
  dir: string;
  put(name: string, content: string): void;
  append(name: string, chunk: string): void;
  commit(): void;
  /** removes the folder; nothing of the old output is touched */
  abort(): void;
}

/** A folder being written beside its target, which commit() swaps in whole. */
export interface StagedFolder {
  dir: string;
  commit(): void;
  /** removes the folder; nothing of the target is touched */
  abort(): void;
}

/**
 * A fresh sibling folder of `target`, swapped in by commit(): a failed run leaves the target as it
 * was, and a run killed between the two renames is put right by the next (recoverInterrupted).
 * Two runs at once each write their own folder; the last to finish wins, whole.
 */
export function stageFolder(target: string): StagedFolder {
  const abs = resolve(target);
  mkdirSync(dirname(abs), { recursive: true });
  const dir = workFolder(abs, "tmp");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writing.add(dir);
  const done = (end: () => void) => () => {
    try {
      end();
    } finally {
      writing.delete(dir);
    }
  };
  return { dir, commit: done(() => swapIn(dir, abs)), abort: done(() => rmSync(dir, { recursive: true, force: true })) };
}

/**
 * The dataset's staging folder (see stageFolder). The files and folders of the old output that
 * plans did not write are linked into the new one before the swap, so they are in the output
 * before and after, whatever moment a run is killed at. Every failure of the system (permissions,
 * a full disk) becomes one line naming the output and the reason.
 */
export function openStaging(out: string, options: { scratch?: boolean; force?: boolean } = {}): Staging {
  const target = resolve(out);
  if (existsSync(target) && !lstatSync(target).isDirectory()) throw new UserError(`${out}: exists and is not a folder`);
  let above = dirname(target);
  while (!existsSync(above) && dirname(above) !== above) above = dirname(above);
  if (!statSync(above).isDirectory()) throw new UserError(`${out}: cannot write (${relative(process.cwd(), above) || above} is a file, not a folder)`);
  let folder: StagedFolder;
  try {
    // a build to compare with, never swapped in: it goes to the system's temporary folder
    folder = options.scratch ? scratch() : stageFolder(target);
  } catch (e) {
    throw cannotWrite(out, e);
  }
  const tmp = folder.dir;
  const path = (name: string) => {
    // names come from validated slugs and fixed file names; nothing may point outside the folder
    if (!DATASET_FILE.test(name)) throw new Error(`refusing to write ${JSON.stringify(name)}: not a dataset file name`);
    return join(tmp, name);
  };
  const writing = (name: string, write: () => void) => {
    try {
      write();
    } catch (e) {
      throw (e as NodeJS.ErrnoException).code ? cannotWrite(join(out, name), e) : e;
    }
  };
  return {
    dir: tmp,
    put: (name, content) => writing(name, () => writeFileSync(path(name), content)),
    append: (name, chunk) => writing(name, () => appendFileSync(path(name), chunk)),
    commit: () => {
      if (options.scratch) throw new Error("a scratch build is not swapped in");
      keepUserFiles(out, target, tmp, options.force ?? false);
      try {
        folder.commit();
      } catch (e) {
        throw new UserError(`${out}: cannot replace the previous dataset (${systemReason(e)})`);
      }
    },
    abort: () => folder.abort(),
  };
}

function scratch(): StagedFolder {
  const dir = mkdtempSync(join(tmpdir(), "plans-check-"));
  return {
    dir,
    commit: () => {
      throw new Error("a scratch build is not swapped in");
    },
    abort: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Links into the new folder every entry of the old output that plans did not write. A user's file
 * named like one the dataset now has is refused, or with `force` replaced.
 */
function keepUserFiles(out: string, target: string, tmp: string, force: boolean): void {
  let names: string[];
  try {
    names = readdirSync(target);
  } catch {
    return;
  }
  const ours = datasetFilesIn(target) ?? new Set<string>();
  try {
    chmodSync(tmp, statSync(target).mode & 0o7777);
    for (const name of names) {
      if (ours.has(name)) continue;
      if (existsSync(join(tmp, name))) {
        if (force) continue;
        throw new UserError(`${join(out, name)}: plans did not write it, and the dataset has a file of that name; move it away, or add --force to replace it`);
      }
      carry(join(target, name), join(tmp, name));
    }
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError(`${out}: cannot keep ${(e as NodeJS.ErrnoException).path ?? "a file"} in the new dataset (${systemReason(e)})`);
  }
}

/** The same file under a second name (a copy where links are not possible); folders recreated. */
function carry(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isDirectory()) {
    mkdirSync(to);
    for (const name of readdirSync(from)) carry(join(from, name), join(to, name));
    chmodSync(to, st.mode & 0o7777);
  } else if (st.isSymbolicLink()) symlinkSync(readlinkSync(from), to);
  else {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
      chmodSync(to, st.mode & 0o7777);
    }
  }
}

function swapIn(tmp: string, target: string): void {
  // the renames below run without a pause, so no other run in this process sees `old`
  const old = workFolder(target, "old");
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (e) {
    // another run moved its folder in first: the last to finish wins
    if ((e as NodeJS.ErrnoException).code !== "ENOTEMPTY" && (e as NodeJS.ErrnoException).code !== "EEXIST") {
      if (!existsSync(target) && existsSync(old)) renameSync(old, target);
      throw e;
    }
    const other = workFolder(target, "old");
    renameSync(target, other);
    renameSync(tmp, target);
    rmSync(other, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** A report file appears whole or not at all. */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  if (!existsSync(dirname(target))) throw new UserError(`${path}: folder ${dirname(target)} does not exist`);
  const tmp = `${target}.tmp-${process.pid}-${++workFolderCount}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw cannotWrite(path, e);
  }
}
