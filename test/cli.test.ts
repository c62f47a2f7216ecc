// The CLI as a user runs it: the built executable, real seeds, exit codes and streams.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "./helpers.js";

const bin = fileURLToPath(new URL("bin/plans.js", root));
const cwd = fileURLToPath(root);
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const tmp = () => mkdtempSync(join(tmpdir(), "plans-test-"));

describe("plans inspect", () => {
  it("--json reports encoding, script, repairs, notes, meta and the cleaned text", () => {
    const r = run("inspect", "seeds/004_6f7d79f1b7bb937e.txt", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ encoding: "utf-8", script: "traditional", meta: { 文号: "晋政办〔2022〕21号" } });
    expect(report.repairs["mojibake-repaired"]).toBeGreaterThanOrEqual(18);
    for (const h of ["（一）创新应急管理体制机制", "（三）加强灾害事故应对准备", "（一）“十三五”期间建设成效", "（五）社会应急能力提升工程", "（三）加强评估监督"])
      expect(report.text.split("\n")).toContain(h);
    expect(report.notes.every((n: { stage: string; line: unknown }) => typeof n.stage === "string")).toBe(true);
  });
  it("stops quietly, exit 0, when the reader of its output goes away (| head -1)", () => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${bin}" inspect seeds/004_6f7d79f1b7bb937e.txt | head -1; exit \${PIPESTATUS[0]}`], { cwd, encoding: "utf8" });
    expect(r.stdout).toBe("seeds/004_6f7d79f1b7bb937e.txt\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
  it("shows a human report on stdout without --json", () => {
    const r = run("inspect", "seeds/001_2b4fa658977f0053.txt");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/encoding\s+utf-8/);
    expect(r.stdout).toMatch(/toc-dropped/);
  });
  it("refuses a file it cannot read, naming it, with exit 2 and no stack trace", () => {
    const r = run("inspect", "fixtures/encodings/not-text.pdf");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not-text\.pdf: a damaged or truncated PDF/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it("names a missing file with exit 2", () => {
    const r = run("inspect", "no/such/file.txt");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/file\.txt: no such file/);
  });
});

/** The dataset's files: everything but the hidden cache. */
const dataset = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith(".")).sort();

describe("plans ingest", () => {
  const out = join(tmp(), "out");
  const first = run("ingest", "seeds", "--out", out);

  it("writes four county files, five CSVs and a manifest, quietly when piped", () => {
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("");
    expect(existsSync(join(out, ".cache", "index.json"))).toBe(true);
    expect(dataset(out)).toEqual(["chapters.csv", "documents.csv", "indicators.csv", "jinjiang.json", "lezhi.json", "linan.json", "manifest.json", "projects.csv", "tasks.csv", "yongjia.json"]);
    for (const f of readdirSync(out).filter((f) => f.endsWith(".csv"))) expect(readFileSync(join(out, f), "utf8").startsWith("\ufeff")).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.inputs).toHaveLength(5);
    expect(manifest.inputs.find((i: { path: string }) => i.path === "000_5f02f4d983df7aea.txt").document).toBe("yongjia");
  });
  it("gives byte-identical output on a second run, and --check agrees", () => {
    const again = join(tmp(), "out");
    expect(run("ingest", "seeds", "--out", again).status).toBe(0);
    for (const f of dataset(out)) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f)))).toBe(true);
    const check = run("ingest", "seeds", "--out", out, "--check");
    expect(check.status).toBe(0);
  });
  it("--check exits 1 and names what drifted", () => {
    const copy = join(tmp(), "out");
    cpSync(out, copy, { recursive: true });
    writeFileSync(join(copy, "linan.json"), readFileSync(join(copy, "linan.json"), "utf8").replace("临安区", "临安县"));
    writeFileSync(join(copy, "stale.csv"), "x");
    const r = run("ingest", "seeds", "--out", copy, "--check");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/changed\s+linan\.json/);
    expect(r.stdout).toMatch(/removed\s+stale\.csv/);
    expect(readFileSync(join(copy, "stale.csv"), "utf8")).toBe("x"); // --check writes nothing
  });
  it("leaves the previous output untouched when nothing can be ingested", () => {
    const dir = tmp();
    cpSync(out, join(dir, "out"), { recursive: true });
    const bad = join(dir, "bad");
    cpSync(fileURLToPath(new URL("fixtures/encodings/not-text.pdf", root)), join(dir, "bad.pdf"));
    const r = run("ingest", join(dir, "bad.pdf"), "--out", join(dir, "out"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.pdf: a damaged or truncated PDF/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(readdirSync(out).sort());
    expect(existsSync(bad)).toBe(false);
  });
  it("prints the summary table with --summary", () => {
    const r = run("ingest", "seeds", "--out", join(tmp(), "out"), "--summary");
    expect(r.stderr).toMatch(/yongjia\s*│\s*永嘉县\s*│\s*2/);
  });
});

describe("plans compare", () => {
  const data = (() => {
    const dir = tmp();
    const r = run("ingest", "seeds/", "--out", join(dir, "out"));
    if (r.status !== 0) throw new Error(r.stderr);
    return join(dir, "out");
  })();

  it("shows two counties side by side, by slug or Chinese name, alias diff", () => {
    const a = run("compare", "yongjia", "linan", "--data", data);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain("永嘉县 (yongjia)  vs  临安区 (linan)");
    expect(a.stdout).toMatch(/Indicators: 13 shared/);
    const b = run("diff", "永嘉县", "临安", "--data", data);
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("writes json, csv, md and html, to stdout or -o", () => {
    const json = JSON.parse(run("compare", "lezhi", "jinjiang", "--data", data, "--format", "json").stdout);
    expect(json.counties).toEqual(["lezhi", "jinjiang"]);
    expect(run("compare", "lezhi", "jinjiang", "--data", data, "-f", "csv").stdout.startsWith("\ufeffkey,")).toBe(true);
    expect(run("compare", "lezhi", "jinjiang", "--data", data, "-f", "md").stdout).toMatch(/^# 乐至县 vs 晋江市/);
    const file = join(tmp(), "report.html");
    const r = run("compare", "lezhi", "jinjiang", "--all", "--data", data, "-f", "html", "-o", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("--all compares every county; --against national adds the national targets", () => {
    const json = JSON.parse(run("compare", "--all", "--against", "national", "--data", data, "-f", "json").stdout);
    expect(json.counties).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
    expect(json.indicators.some((r: { values: Record<string, unknown> }) => r.values.national)).toBe(true);
  });

  it("names an unknown county, suggests the nearest and lists the rest, exit 1", () => {
    const r = run("compare", "yongjia", "linnan", "--data", data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown county "linnan" — did you mean linan?');
    expect(r.stderr).toContain("yongjia (永嘉县)");
    expect(r.stdout).toBe("");
  });

  it("refuses fewer than two counties, a county twice and an unknown format, exit 2", () => {
    expect(run("compare", "yongjia", "--data", data).status).toBe(2);
    expect(run("compare", "yongjia", "永嘉", "--data", data).stderr).toContain("asked for twice");
    const f = run("compare", "yongjia", "linan", "--data", data, "-f", "pdf");
    expect(f.status).toBe(2);
    expect(f.stderr).toContain("--format must be one of table, json, csv, md, html");
  });

  it("builds the dataset from seeds/ when there is none, and says so on stderr", () => {
    const dir = tmp();
    cpSync(join(cwd, "seeds"), join(dir, "seeds"), { recursive: true });
    const r = spawnSync(process.execPath, [bin, "compare", "yongjia", "linan", "-f", "json"], { cwd: dir, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no dataset in out/; building it from seeds/ first");
    expect(existsSync(join(dir, "out", "manifest.json"))).toBe(true);
    expect(JSON.parse(r.stdout).counties).toEqual(["yongjia", "linan"]);
  });

  it("plans list shows the counties of the dataset", () => {
    const r = run("list", "--data", data, "--json");
    expect(JSON.parse(r.stdout).map((e: { slug: string }) => e.slug)).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
  });
});
