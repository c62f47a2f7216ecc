// The executable as a user's shell and machine run it, for what only a process of its own shows:
// its exit code and streams, a pipe closed early, stdin as a pipe, /dev/stdin and <(…), the progress
// bar on a terminal, a time zone and locale, a heap limit, a file size limit, a missing native
// build, and which modules a command loads. (What each command does runs through main() in the
// tests' process: test/*.test.ts.)
import { execFile, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { dataset, filesOf } from "../datasets.js";
import { bin, leftovers, repo, runCli, seedNames, snapshot, spawnCli, tmp as tmpIn, tree, warmCache, workingFolder } from "../helpers.js";

const tmp = () => tmpIn("plans-executable-");
const plans = `"${process.execPath}" "${bin}"`;
const SEED = "seeds/002_3693ba97f58c2210.txt";

describe("exit and streams", () => {
  it("ends with the exit code main() answers, its output on stdout, its complaints on stderr", async () => {
    const [version, usage, missing] = await Promise.all([spawnCli(["--version"]), spawnCli(["compare", "yongjia"]), spawnCli(["inspect", "no/such.txt"])]);
    expect(version).toMatchObject({ status: 0, stdout: `${JSON.parse(readFileSync(join(repo, "package.json"), "utf8")).version}\n`, stderr: "" });
    expect(usage).toMatchObject({ status: 2, stdout: "", stderr: "plans: compare needs two or more counties (or --all, or --province)\n" });
    expect(missing).toMatchObject({ status: 2, stdout: "", stderr: "plans: no/such.txt: no such file\n" });
  });

  it("stops quietly, exit 0, when the reader of its output goes away (| head -1)", async () => {
    const r = await spawnCli([], { shell: `${plans} inspect seeds/004_6f7d79f1b7bb937e.txt | head -1; exit \${PIPESTATUS[0]}` });
    expect(r.stdout).toBe("seeds/004_6f7d79f1b7bb937e.txt\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });

  it("`-` reads the process's stdin from a pipe; /dev/stdin and <(…) work as files", async () => {
    const direct = JSON.parse((await runCli(["inspect", SEED, "--json"])).stdout);
    const runs = await Promise.all([
      spawnCli([], { shell: `cat ${SEED} | ${plans} inspect - --json` }),
      spawnCli([], { shell: `${plans} inspect /dev/stdin --json < ${SEED}` }),
      spawnCli([], { shell: `${plans} inspect <(cat ${SEED}) --json` }),
    ]);
    for (const r of runs) {
      expect(r.status, r.stderr).toBe(0);
      const report = JSON.parse(r.stdout);
      expect({ ...report, path: SEED }).toEqual({ ...direct, notes: report.notes });
      expect(report.notes.length).toBe(direct.notes.length);
    }
  });

  it.skipIf(!existsSync("/usr/bin/script"))("progress: on a terminal, a bar on stderr with files/s and an ETA", async () => {
    const out = join(tmp(), "out");
    const child = spawn("script", ["-qfec", `${plans} ingest seeds/001_2b4fa658977f0053.txt ${SEED} --out "${out}"`, "/dev/null"], { cwd: repo });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    expect(await new Promise((resolve) => child.on("close", resolve))).toBe(0);
    const frames = output.split(/\r|\x1b\[1G/).filter((f) => f.startsWith("ingest ["));
    expect(frames.some((f) => /\d\/2 files · [\d.]+ files\/s · ETA \d+s/.test(f))).toBe(true);
  }, 30_000);
});

describe("the machine", () => {
  it("the same files give byte-identical output whatever their order, timezone and locale", async () => {
    // the setup built the seeds in path order, in this process's timezone and locale
    const out = join(tmp(), "out");
    const files = seedNames().map((n) => `seeds/${n}`);
    const zone = process.env.TZ === "Asia/Shanghai" ? "America/Los_Angeles" : "Asia/Shanghai";
    const r = await spawnCli(["ingest", ...[...files].reverse(), "--out", out], { env: { TZ: zone, LANG: "zh_CN.UTF-8", LC_ALL: "zh_CN.UTF-8" } });
    expect(r.status).toBe(0);
    expect(snapshot(out)).toEqual(filesOf("seeds"));
  });

  it("a file too large for a parse worker's heap is parsed again alone, with the same result", async () => {
    const out = join(tmp(), "out");
    const r = await spawnCli(["ingest", "seeds/001_2b4fa658977f0053.txt", SEED, "--out", out, "--no-cache", "--times"], { env: { PLANS_PARSE_HEAP_MB: "8" } });
    expect(r.status, r.stderr).toBe(0);
    expect(Number(/(\d+) again alone after a worker ran out of heap/.exec(r.stderr)?.[1])).toBeGreaterThan(0);
    expect(snapshot(out)).toEqual(filesOf("seeds:001+002"));
  }, 60_000);

  it("a full disk (a file size limit): one line naming the file and the reason, exit 2, temporaries removed, the old dataset kept", async () => {
    const dir = workingFolder("plans-executable-");
    cpSync(dataset("seeds:002").dir, join(dir, "out"), { recursive: true }); // what `plans ingest seeds/002… --out out` wrote
    const before = tree(join(dir, "out"));
    warmCache(join(dir, "out"));
    // no file over 64 KB: lezhi.json and the cache's entry for it are larger
    const r = await spawnCli([], { cwd: dir, shell: `ulimit -f 64; exec ${plans} ingest ${SEED} --out out` });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plans: [^\n]*: cannot write \([^)]*too large[^)]*\)\n$/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(leftovers(dir)).toEqual([]);
    expect(tree(join(dir, "out"))).toEqual(before);
  });

  it("a missing nodejieba native build: one line saying how to rebuild it, exit 2", async () => {
    const dir = tmp();
    const real = join(repo, "node_modules");
    cpSync(join(repo, "dist"), join(dir, "dist"), { recursive: true });
    cpSync(join(repo, "bin"), join(dir, "bin"), { recursive: true });
    cpSync(join(repo, "package.json"), join(dir, "package.json"));
    mkdirSync(join(dir, "node_modules"));
    for (const name of readdirSync(real)) {
      if (name === "nodejieba" || name.startsWith(".")) continue;
      // a link per package: each resolves its own dependencies from the real tree
      symlinkSync(join(real, name), join(dir, "node_modules", name));
    }
    cpSync(join(real, "nodejieba"), join(dir, "node_modules", "nodejieba"), { recursive: true, filter: (src) => !src.includes(`${join("nodejieba", "build")}`) });
    const out = join(tmp(), "out");
    const r = await spawnCli([], { shell: `exec "${process.execPath}" "${join(dir, "bin", "plans.js")}" ingest seeds --out "${out}"` });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plans: [^\n]*nodejieba[^\n]*npm rebuild nodejieba[^\n]*\n$/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, "..")).filter((f) => !f.startsWith(".plans-cache"))).toEqual([]);
  });
});

describe("what a command loads", () => {
  const dir = tmp();
  const data = join(dir, "out");
  mkdirSync(data);
  const seeds = dataset("seeds");
  for (const d of seeds.documents) writeFileSync(join(data, `${d.slug}.json`), JSON.stringify(d, null, 2) + "\n");
  const documents = seeds.documents.map((d) => ({ slug: d.slug, county: d.county, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) }));
  writeFileSync(join(data, "manifest.json"), JSON.stringify({ schemaVersion: 1, tool: { name: "plans", version: "test" }, documents, inputs: [] }, null, 2) + "\n");
  // a module hook that fails any import of the chart library or its DOM
  const hooks = join(dir, "hooks.mjs");
  writeFileSync(hooks, `export async function resolve(s, c, next) { if (s === "@observablehq/plot" || s === "linkedom") throw new Error("chart library loaded: " + s); return next(s, c); }\n`);
  const register = join(dir, "register.mjs");
  writeFileSync(register, `import { register } from "node:module"; register(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  // `plans compare yongjia linan -f F` for each format F, one after the other in a process of its
  // own, where what is loaded can be watched: each run's exit code and what it said on stderr
  const compareIn = join(dir, "compare-formats.mjs");
  writeFileSync(
    compareIn,
    `import { main } from ${JSON.stringify(pathToFileURL(join(repo, "dist/cli.js")).href)};
const runs = [];
for (const format of process.argv.slice(2)) {
  let stderr = "";
  const code = await main({ args: ["compare", "yongjia", "linan", "--data", ${JSON.stringify(data)}, "-f", format], stdin: process.stdin, stdout: { write() {} }, stderr: { write: (t) => (stderr += t) }, env: process.env });
  runs.push({ format, code, stderr });
}
process.stdout.write(JSON.stringify(runs));
`,
  );
  const formatsWithoutCharts = (...formats: string[]) =>
    new Promise<Array<{ format: string; code: number; stderr: string }>>((resolve, reject) =>
      execFile(process.execPath, ["--import", register, compareIn, ...formats], { encoding: "utf8", cwd: dir }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(JSON.parse(stdout)))),
    );

  it("compare -f table, json, csv and md never load the chart library", async () => {
    const formats = ["table", "json", "csv", "md"];
    expect(await formatsWithoutCharts(...formats)).toEqual(formats.map((format) => ({ format, code: 0, stderr: "" })));
  });
  it("-f html does (so the hook above can fail)", async () => {
    const [r] = await formatsWithoutCharts("html");
    expect(r!.code).not.toBe(0);
    expect(r!.stderr).toContain("chart library loaded");
  });
});
