// The conventions table of the README's reference, one test per row: the habits people bring from
// csvkit, xsv, jq, ripgrep and pandoc, kept by plans.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import stringWidth from "string-width";
import { describe, expect, it } from "vitest";
import { dataset } from "./datasets.js";
import { repo, runCli, tmp, warmCache } from "./helpers.js";

const SEED = "seeds/002_3693ba97f58c2210.txt";
const data = () => dataset("seeds").dir;
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });

describe("conventions", () => {
  it("help: `plans help X` and `X --help` print options with their defaults and examples, exit 0", async () => {
    const [a, b, c] = await Promise.all([run(["help", "ingest"]), run(["ingest", "--help"]), run(["compare", "--help"])]);
    for (const r of [a, b, c]) {
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\nExamples:\n {2}plans \w+/);
    }
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain("(default: seeds/)");
    expect(a.stdout).toMatch(/--max-size <MB>[^\n]*\(default: 16\)/);
    expect(a.stdout).toMatch(/--out <dir>[^\n]*\(default: "out"\)/);
    expect(c.stdout).toMatch(/--data <dir>[^-]*\(default: "out"\)/);
  });

  it("usage errors: one line and a one-line hint, exit 2, not the whole help", async () => {
    const [unknown, bad, missing] = await Promise.all([run(["ingest", "--frob"]), run(["ingest", "--jobs", "0"]), run(["inspect"])]);
    expect(unknown.stderr).toBe("plans: unknown option '--frob'\nsee plans ingest --help\n");
    expect(bad.stderr).toMatch(/^plans: option '-j, --jobs <n>' argument '0' is invalid\. --jobs wants a whole number from 1 to 64\.\nsee plans ingest --help\n$/);
    expect(missing.stderr).toBe("plans: missing required argument 'file'\nsee plans inspect --help\n");
    for (const r of [unknown, bad, missing]) {
      expect(r.status).toBe(2);
      expect(r.stdout).toBe("");
    }
  });

  it("messages: data on stdout, talk on stderr, every line `plans: …` or `plans: warning: …`", async () => {
    const dir = tmp();
    writeFileSync(join(dir, "news.txt"), "本报讯 今天上午，市民公园迎来踏青高峰。\n");
    cpSync(join(repo, "seeds/002_3693ba97f58c2210.txt"), join(dir, "plan.txt"));
    cpSync(join(repo, "seeds/002_3693ba97f58c2210.txt"), join(dir, "plan-copy.txt"));
    const r = await run(["ingest", dir, "--out", join(tmp(), "out")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const l of lines) expect(l).toMatch(/^plans: /);
    expect(r.stderr).toContain("plans: skipped news.txt: not taken as a plan");
    expect(r.stderr).toContain("plans: plan.txt: the same bytes as plan-copy.txt; listed as its duplicate, not parsed again");
  });

  it("`-`: inspect reads stdin; `-o -` writes stdout", async () => {
    const direct = JSON.parse((await run(["inspect", SEED, "--json"])).stdout);
    const piped = await runCli(["inspect", "-", "--json"], { input: readFileSync(join(repo, SEED)) });
    expect(piped.status, piped.stderr).toBe(0);
    const report = JSON.parse(piped.stdout);
    expect({ ...report, path: SEED }).toEqual({ ...direct, notes: report.notes });
    expect(report.notes.length).toBe(direct.notes.length);
    const dashOut = await run(["inspect", SEED, "--json", "-o", "-"]);
    expect(JSON.parse(dashOut.stdout)).toEqual(direct);
  });

  it("-o/--output FILE: the same in compare, inspect and list, the file whole; ingest names its folder --out", async () => {
    const dir = tmp();
    const [c, i, l, ingestO] = await Promise.all([
      run(["compare", "yongjia", "linan", "--data", data(), "-o", join(dir, "c.txt")]),
      run(["inspect", SEED, "--output", join(dir, "i.txt")]),
      run(["list", "--data", data(), "-o", join(dir, "l.txt")]),
      run(["ingest", "seeds", "-o", join(dir, "out")]),
    ]);
    for (const r of [c, i, l]) {
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe("");
    }
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toContain("永嘉县 (yongjia)  vs  临安区 (linan)");
    expect(readFileSync(join(dir, "i.txt"), "utf8")).toMatch(/^seeds\/002_3693ba97f58c2210\.txt\n {2}format {4}text\n {2}encoding/);
    expect(readFileSync(join(dir, "l.txt"), "utf8")).toMatch(/^slug\tcounty\tlevel\tdomain\ttitle\tsources\n/);
    expect(readdirSync(dir).sort()).toEqual(["c.txt", "i.txt", "l.txt"]);
    expect(ingestO.status).toBe(2);
    expect(ingestO.stderr).toBe("plans: unknown option '-o'\nsee plans ingest --help\n");
  });

  it("formats: the output file's extension picks it; -f wins and takes any case", async () => {
    const dir = tmp();
    const out = (name: string) => join(dir, name);
    const runs = await Promise.all(
      [["r.html"], ["r.json"], ["r.csv"], ["r.md"], ["r2.html", "-f", "JSON"], ["r.txt"]].map(([name, ...rest]) => run(["compare", "lezhi", "jinjiang", "--data", data(), "-o", out(name!), ...rest])),
    );
    for (const r of runs) expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(out("r.html"), "utf8")).toMatch(/^<!DOCTYPE html>/);
    expect(JSON.parse(readFileSync(out("r.json"), "utf8")).counties).toEqual(["lezhi", "jinjiang"]);
    expect(readFileSync(out("r.csv"), "utf8")).toMatch(/^\ufeffkey,indicator,/);
    expect(readFileSync(out("r.md"), "utf8")).toMatch(/^# 乐至县 vs 晋江市/);
    expect(JSON.parse(readFileSync(out("r2.html"), "utf8")).counties).toEqual(["lezhi", "jinjiang"]);
    expect(readFileSync(out("r.txt"), "utf8")).toMatch(/^乐至县 \(lezhi\) {2}vs {2}晋江市 \(jinjiang\)\n/);
  });

  it("CSV: files start with a BOM for Excel; CSV on stdout has none", async () => {
    const file = join(tmp(), "r.csv");
    const [stdout, toFile] = await Promise.all([run(["compare", "lezhi", "jinjiang", "--data", data(), "-f", "csv"]), run(["compare", "lezhi", "jinjiang", "--data", data(), "-o", file])]);
    expect([stdout.status, toFile.status]).toEqual([0, 0]);
    expect(stdout.stdout).toMatch(/^key,indicator,/);
    expect(readFileSync(file, "utf8")).toBe(`\ufeff${stdout.stdout}`);
    expect(readFileSync(join(data(), "indicators.csv"), "utf8")).toMatch(/^\ufeffslug,/);
  });

  it("tables: fit their content and COLUMNS (else the terminal's width, else 100); list is tab-separated when piped", async () => {
    const width = (text: string) => Math.max(...text.split("\n").map((l) => stringWidth(l)));
    const [narrow, wide, fallback, list] = await Promise.all([
      run(["compare", "yongjia", "linan", "--data", data()], { COLUMNS: "70" }),
      run(["compare", "yongjia", "linan", "--data", data()], { COLUMNS: "400" }),
      run(["compare", "yongjia", "linan", "--data", data()], { COLUMNS: "" }),
      run(["list", "--data", data()]),
    ]);
    expect(width(narrow.stdout)).toBeLessThanOrEqual(70);
    // content narrower than 400 columns: no column is stretched to fill them
    expect(width(wide.stdout)).toBeLessThan(300);
    expect(width(fallback.stdout)).toBeLessThanOrEqual(100);
    expect(width(fallback.stdout)).toBeGreaterThan(70);
    expect(list.stdout.split("\n")[0]).toBe("slug\tcounty\tlevel\tdomain\ttitle\tsources");
    expect(list.stdout).not.toMatch(/[│┌]/);
  });

  it("--quiet: no summary, no notices; warnings and errors still show", async () => {
    const dir = tmp();
    // two counties to compare, from which compare builds its dataset first
    mkdirSync(join(dir, "seeds"));
    for (const seed of ["001_2b4fa658977f0053.txt", "002_3693ba97f58c2210.txt"]) cpSync(join(repo, "seeds", seed), join(dir, "seeds", seed));
    writeFileSync(join(dir, "news.txt"), "本报讯 今天上午，市民公园迎来踏青高峰。\n");
    warmCache(join(dir, "built"));
    const [ingest, compare] = await Promise.all([
      runCli(["ingest", "seeds/002_3693ba97f58c2210.txt", "news.txt", "--summary", "--quiet"], { cwd: dir }),
      runCli(["compare", "lezhi", "linan", "--quiet", "--data", "built", "-f", "json"], { cwd: dir }),
    ]);
    expect(ingest.status).toBe(0);
    expect(ingest.stderr).toBe("plans: skipped news.txt: not taken as a plan: not a plan (no plan name, no plan body)\n");
    expect(compare.status, compare.stderr).toBe(0);
    expect(compare.stderr).toBe("");
    expect(existsSync(join(dir, "built", "manifest.json"))).toBe(true);
  });

  it("color: --color auto follows the terminal, NO_COLOR and FORCE_COLOR; always and never win", async () => {
    const args = ["compare", "yongjia", "linan", "--data", data()];
    const [auto, forced, always, never, noColor] = await Promise.all([
      run(args, { NO_COLOR: undefined }),
      run(args, { NO_COLOR: undefined, FORCE_COLOR: "1" }),
      run([...args, "--color", "always"]),
      run([...args, "--color", "never"], { NO_COLOR: undefined, FORCE_COLOR: "1" }),
      run([...args, "--color", "auto"], { NO_COLOR: "1", FORCE_COLOR: "1" }),
    ]);
    const colored = (s: string) => s.includes("\x1b[");
    expect([auto, forced, always, never, noColor].map((r) => colored(r.stdout))).toEqual([false, true, true, false, false]);
  });

  it("--check: the first change of each file as a few lines of unified diff; missing and extra files named; exit 1", async () => {
    const dir = tmp();
    const out = join(dir, "out");
    cpSync(dataset("seeds:001+002").dir, out, { recursive: true });
    writeFileSync(join(out, "linan.json"), readFileSync(join(out, "linan.json"), "utf8").replace("\"county\": \"临安区\"", "\"county\": \"临安县\""));
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    manifest.documents.push({ slug: "ghost", county: "某县", title: "", file: "ghost.json", sources: [] });
    writeFileSync(join(out, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
    writeFileSync(join(out, "ghost.json"), "{}\n");
    rmSync(join(out, "lezhi.json"));
    warmCache(out);
    const r = await run(["ingest", "seeds/001_2b4fa658977f0053.txt", "seeds/002_3693ba97f58c2210.txt", "--out", out, "--check"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`${out}/ differs from a fresh build of the inputs:\n`);
    expect(r.stdout).toMatch(/ {2}changed {2}linan\.json\n {4}@@ -\d+,\d+ \+\d+,\d+ @@\n( {4} [^\n]*\n){1,2} {4}- {2}"county": "临安县",\n {4}\+ {2}"county": "临安区",\n/);
    expect(r.stdout).toContain("  missing  lezhi.json\n");
    expect(r.stdout).toContain("  extra    ghost.json\n");
    expect(readFileSync(join(out, "ghost.json"), "utf8")).toBe("{}\n");
  });

  it("cache: beside the output folder, which holds the dataset and no hidden file", async () => {
    const dir = tmp();
    const r = await run(["ingest", "seeds/002_3693ba97f58c2210.txt", "--out", join(dir, "out")]);
    expect(r.status).toBe(0);
    expect(readdirSync(join(dir, "out")).filter((f) => f.startsWith("."))).toEqual([]);
    expect(existsSync(join(dir, ".plans-cache", "out", "index.json"))).toBe(true);
  });
});
