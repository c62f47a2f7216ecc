// Files in and out for the commands: walking the folders a user names, and writing a folder or a
// file so that it appears whole or not at all. No pipeline code here, so commands that only read the
// dataset start fast.
import { existsSync, lstatSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
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
