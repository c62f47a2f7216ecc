// Files in and out for the commands: walking the folders a user names, and writing a folder or a
// file so that it appears whole or not at all. No pipeline code here, so commands that only read the
// dataset start fast.
import { appendFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { UserError } from "./io.js";

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

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
};

/** The work folders of a write to `out`, with the process that made them. */
function workFolders(out: string): Array<{ path: string; kind: "tmp" | "old"; pid: number }> {
  const target = resolve(out);
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const re = new RegExp(`^\\.${basename(target).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(tmp|old)-(\\d+)$`);
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
    if (w.pid !== process.pid && isAlive(w.pid)) continue;
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

/**
 * Writes into a fresh sibling folder, then swaps it in: a failed run leaves the old folder as it
 * was, and a run killed between the two renames is put right by the next (recoverInterrupted). Two
 * runs at once each write their own folder; the last to finish wins, whole.
 */
export function openStaging(out: string, options: { scratch?: boolean } = {}): Staging {
  const target = resolve(out);
  const parent = dirname(target);
  if (existsSync(target) && !lstatSync(target).isDirectory()) throw new UserError(`${out}: exists and is not a folder`);
  let tmp: string;
  if (options.scratch) {
    // a build to compare with, never swapped in: it goes to the system's temporary folder
    tmp = mkdtempSync(join(tmpdir(), "plans-check-"));
  } else {
    mkdirSync(parent, { recursive: true });
    tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp);
  }
  const path = (name: string) => {
    // names come from validated slugs and fixed file names; nothing may point outside the folder
    if (!DATASET_FILE.test(name)) throw new Error(`refusing to write ${JSON.stringify(name)}: not a dataset file name`);
    return join(tmp, name);
  };
  return {
    dir: tmp,
    put: (name, content) => writeFileSync(path(name), content),
    append: (name, chunk) => appendFileSync(path(name), chunk),
    commit: () => {
      if (options.scratch) throw new Error("a scratch build is not swapped in");
      swapIn(tmp, target);
    },
    abort: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

function swapIn(tmp: string, target: string): void {
  const parent = dirname(target);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  rmSync(old, { recursive: true, force: true });
  if (existsSync(target)) renameSync(target, old);
  try {
    renameSync(tmp, target);
  } catch (e) {
    // another run moved its folder in first: the last to finish wins
    if ((e as NodeJS.ErrnoException).code !== "ENOTEMPTY" && (e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    const other = join(parent, `.${basename(target)}.old-${process.pid}-2`);
    renameSync(target, other);
    renameSync(tmp, target);
    rmSync(other, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/** A whole dataset held in memory, written so that it appears whole or not at all. */
export function writeAtomically(out: string, files: Map<string, string>): void {
  for (const name of files.keys()) if (!DATASET_FILE.test(name)) throw new Error(`refusing to write ${JSON.stringify(name)}: not a dataset file name`);
  const staging = openStaging(out);
  try {
    for (const [name, content] of files) staging.put(name, content);
    staging.commit();
  } catch (e) {
    staging.abort();
    throw e;
  }
}

/** A report file appears whole or not at all. */
export function writeFileAtomically(path: string, text: string): void {
  const target = resolve(path);
  if (!existsSync(dirname(target))) throw new UserError(`${path}: folder ${dirname(target)} does not exist`);
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw new UserError(`${path}: cannot write (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}
