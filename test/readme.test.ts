// The README's examples are real: every `$` line of its transcripts runs, in order, in a folder
// holding a copy of seeds/, fixtures/wild/ and a downloads/ folder (plans in every format and two
// broken PDFs, copied from fixtures/), with plans the built CLI and NO_COLOR set, and prints what the
// README shows under it (stdout and stderr together; a line "…" stands for any lines, none included).
import { cpSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bin, readText, repo, runCli, spawnCli, tmp, warmCache } from "./helpers.js";

interface Example {
  command: string;
  expected: string[];
}

/** The `$` lines of the README's code blocks, each with the lines under it. */
function examples(readme: string): Example[] {
  const found: Example[] = [];
  for (const block of readme.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)) {
    const lines = block[1]!.replace(/\n$/, "").split("\n");
    if (!lines[0]!.startsWith("$ ")) continue;
    for (const line of lines) {
      if (line.startsWith("$ ")) found.push({ command: line.slice(2), expected: [] });
      else found.at(-1)!.expected.push(line);
    }
  }
  return found;
}

/** Whether the output's lines are the expected ones, "…" matching any run of lines. */
function matches(actual: string[], expected: string[]): boolean {
  const at = (i: number, j: number): boolean => {
    if (j === expected.length) return i === actual.length;
    if (expected[j] === "…") {
      for (let k = i; k <= actual.length; k++) if (at(k, j + 1)) return true;
      return false;
    }
    return i < actual.length && actual[i] === expected[j] && at(i + 1, j + 1);
  };
  return at(0, 0);
}

/** A command line that is `plans` and plain words, perhaps after variables (`COLUMNS=96 plans …`)
 *  and before a pipe into other programs (`plans list | cut -f1,6`): its arguments and variables,
 *  to run in this process, and the rest of the pipeline, for bash; null for one a shell must read
 *  as a whole (quotes, redirections, plans later in a pipeline). */
function plainCommand(command: string): { args: string[]; env: Record<string, string>; pipe: string | null } | null {
  const m = /^((?:[A-Z_]+=[\w.-]*\s+)*)plans((?:\s+[\w@%+=:,./\u3400-\u9fff-]+)*)\s*(?:\|\s*(.+))?$/u.exec(command);
  if (!m || /\bplans\b/.test(m[3] ?? "")) return null;
  const env = Object.fromEntries(m[1]!.trim().split(/\s+/).filter(Boolean).map((a) => a.split("=") as [string, string]));
  return { args: m[2]!.trim().split(/\s+/).filter(Boolean), env, pipe: m[3] ?? null };
}

/** An example's output as a terminal shows it, and its exit status. plans runs through main() in
 *  this process and its standard output goes through the rest of the pipeline, if any, in bash;
 *  a line without plans, or one a shell must read as a whole, runs in bash. (The executable in a
 *  real pipe is tested in test/system/executable.test.ts.) */
async function runExample(command: string, cwd: string): Promise<{ output: string; status: number | null }> {
  const plain = plainCommand(command);
  if (!plain) {
    const r = await spawnCli([], { cwd, shell: `plans() { "${process.execPath}" "${bin}" "$@"; }\n${command} 2>&1` });
    return { output: r.output, status: r.status };
  }
  const r = await runCli(plain.args, { cwd, env: plain.env });
  if (plain.pipe === null) return { output: r.output, status: r.status };
  const rest = await spawnCli([], { cwd, shell: `${plain.pipe} 2>&1`, input: r.stdout });
  return { output: r.stderr + rest.output, status: r.status || rest.status };
}

const lines = (text: string) => text.replace(/\n+$/, "").split("\n").map((l) => l.trimEnd()).filter((l, i, all) => all.length > 1 || l !== "");

describe("the README's examples", () => {
  const all = examples(readText("README.md"));
  const dir = tmp("plans-readme-");
  cpSync(join(repo, "seeds"), join(dir, "seeds"), { recursive: true });
  cpSync(join(repo, "fixtures/wild"), join(dir, "fixtures/wild"), { recursive: true });
  const downloads: Array<[string, string]> = [
    ["fixtures/formats/linan.pdf", "linan.pdf"],
    ["fixtures/formats/yongjia.pdf", "yongjia.pdf"],
    ["fixtures/formats/lezhi.doc", "lezhi.doc"],
    ["fixtures/formats/lezhi.docx", "lezhi.docx"],
    ["fixtures/formats/broken/encrypted.pdf", "encrypted.pdf"],
    ["fixtures/formats/broken/scanned.pdf", "scanned.pdf"],
    ["fixtures/variants/linan-page.html", "linan-page.html"],
    ["seeds/004_6f7d79f1b7bb937e.txt", "jinjiang.txt"],
  ];
  for (const [from, name] of downloads) cpSync(join(repo, from), join(dir, "downloads", name));
  // the cache a first `plans ingest seeds/` leaves beside out/: the transcript's output is the same,
  // and it does not load nodejieba's dictionaries again
  warmCache(join(dir, "out"));

  it("are there: ingest, list, inspect, compare and --check", () => {
    const commands = all.map((e) => e.command).join("\n");
    for (const c of ["plans ingest", "plans list", "plans inspect", "plans compare", "--check"]) expect(commands).toContain(c);
  });
  // one after the other: later examples read the dataset the first one writes
  for (const example of all) {
    it(`$ ${example.command}`, async () => {
      const r = await runExample(example.command, dir);
      const got = lines(r.output);
      if (!matches(got, example.expected.map((l) => l.trimEnd()))) expect(got.join("\n")).toBe(example.expected.join("\n"));
      expect(r.status).toBe(0);
    });
  }
});
