// Runs of the executable that do not end as planned: stopped by Ctrl-C, on a pipe or a terminal;
// killed (SIGKILL) at any moment; two at once on one output folder. Whatever happens, the output
// folder holds the old dataset or the new one, whole, and nothing is left behind.
import { spawn } from "node:child_process";
import { cpSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { recoverInterrupted } from "../../src/commands/files.js";
import { dataset, filesOf } from "../datasets.js";
import { bin, leftovers, repo as cwd, runCli, seedNames, snapshot, tmp as tmpIn, tree, warmCache, workingFolder } from "../helpers.js";

const tmp = () => tmpIn("plans-interrupts-");
const seed = (prefix: string) => `seeds/${seedNames().find((n) => n.startsWith(prefix))}`;

describe("Ctrl-C", () => {
  /** A corpus that takes a few seconds: the seeds, each copy made distinct by a line of its own. */
  function slowCorpus(): string {
    const dir = tmp();
    for (let k = 0; k < 12; k++) for (const n of seedNames()) writeFileSync(join(dir, `${k}-${n}`), readFileSync(join(cwd, "seeds", n), "utf8") + `\n附${k}\n`);
    return dir;
  }

  it("stops the run with exit 130, says so, and leaves the output as it was", async () => {
    const dir = workingFolder("plans-interrupts-");
    cpSync(dataset("seeds:002").dir, join(dir, "out"), { recursive: true }); // what `plans ingest seeds/002… --out out` wrote
    const before = tree(join(dir, "out"));
    const corpus = slowCorpus();
    const child = spawn(process.execPath, [bin, "ingest", corpus, "--out", "out"], { cwd: dir });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill("SIGINT");
    expect(await closed).toBe(130);
    expect(stderr).toBe("plans: interrupted; out/ unchanged\n");
    expect(tree(join(dir, "out"))).toEqual(before);
    expect(leftovers(dir)).toEqual([]);
  }, 30_000);

  it.skipIf(!existsSync("/usr/bin/script"))("on a terminal, shows the cursor and turns line wrap back on", async () => {
    const corpus = slowCorpus();
    const out = join(tmp(), "out");
    // script(1) gives the CLI a terminal; ^C written to it is the terminal's interrupt
    const child = spawn("script", ["-qfec", `"${process.execPath}" "${bin}" ingest "${corpus}" --out "${out}"`, "/dev/null"], { cwd });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    const start = Date.now();
    while (!output.includes("ingest [") && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    child.stdin.write("\x03");
    expect(await closed).toBe(130);
    const hidden = output.lastIndexOf("\x1b[?25l");
    expect(hidden).toBeGreaterThanOrEqual(0);
    expect(output.indexOf("\x1b[?25h", hidden)).toBeGreaterThan(hidden);
    expect(output.indexOf("\x1b[?7h", hidden)).toBeGreaterThan(hidden);
    expect(output).toContain("plans: interrupted;");
    expect(existsSync(out)).toBe(false);
  }, 40_000);
});

describe("killed, or run twice at once", () => {
  /** What `plans ingest` writes for these seed files (built by the global setup). */
  const expected = (...prefixes: string[]): string => JSON.stringify(filesOf(`seeds:${prefixes.join("+")}`));

  it("a run killed at any moment leaves the old output or the new, never a mix", async () => {
    const base = tmp();
    const out = join(base, "out");
    cpSync(dataset("seeds:002").dir, out, { recursive: true }); // what `plans ingest seeds/002… --out out` wrote
    const old = JSON.stringify(snapshot(out));
    expect(old).toBe(expected("002"));
    const next = expected("001", "002");
    const outcomes = new Set<string>();
    let helpersSeen = 0;
    for (const delay of [250, 700, 1100, 1500]) {
      const child = spawn(process.execPath, [bin, "ingest", seed("001"), seed("002"), "--out", out], { cwd, stdio: "ignore" });
      // listen before waiting: a run may finish before the kill comes
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      const helpers = childrenOf(child.pid!);
      helpersSeen += helpers.length;
      child.kill("SIGKILL");
      await exited;
      // its keyword process goes with it, whenever it is killed
      for (const pid of helpers) expect(await endsWithin(pid, 10_000), `process ${pid} outlived the run`).toBe(true);
      recoverInterrupted(out); // what the next run does first
      const now = JSON.stringify(snapshot(out));
      expect([old, next]).toContain(now);
      outcomes.add(now === old ? "old" : "new");
      recoverInterrupted(join(base, ".plans-cache", "out"));
      expect(leftovers(base)).toEqual([]);
      if (existsSync(join(base, ".plans-cache"))) expect(leftovers(join(base, ".plans-cache"))).toEqual([]);
      if (now === next) expect((await runCli(["ingest", seed("002"), "--out", out])).status).toBe(0);
    }
    if (existsSync("/proc/self/task")) expect(helpersSeen).toBeGreaterThan(0);
    console.log(`killed runs left: ${[...outcomes].join(", ")}`);
  }, 90_000);

  it("two runs at once on one output folder: both finish, and the folder is one of them, whole", async () => {
    const out = join(tmp(), "out");
    // what is raced for is the output folder and its cache, not the parsing: from the cache, the
    // two runs write at the same moment, which cold runs of different lengths rarely do
    warmCache(out);
    const go = (input: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, [bin, "ingest", input, "--out", out], { cwd, stdio: "ignore" }).on("exit", (code) => resolve(code ?? -1)));
    const codes = await Promise.all([go(seed("001")), go(seed("002"))]);
    expect(codes).toEqual([0, 0]);
    expect([expected("001"), expected("002")]).toContain(JSON.stringify(snapshot(out)));
  }, 60_000);
});

/** The processes `pid` has started (Linux's /proc; none elsewhere). */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Whether process `pid` has ended (or is a zombie waiting to be reaped) within `ms`. */
async function endsWithin(pid: number, ms: number): Promise<boolean> {
  for (const t0 = Date.now(); Date.now() - t0 < ms; await new Promise((r) => setTimeout(r, 50))) {
    try {
      if (/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"))) return true;
    } catch {
      return true;
    }
  }
  return false;
}
