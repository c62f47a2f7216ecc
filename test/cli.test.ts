// The CLI as a user runs it: real seeds, exit codes and streams, through main() in this process
// (what only a process of its own shows is in test/system).
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { dataset, filesOf } from "./datasets.js";
import { repo as cwd, runCli, snapshot, tmp, warmCache } from "./helpers.js";

const run = (...args: string[]) => runCli(args);

describe("plans inspect", () => {
  it("--json reports encoding, script, repairs, notes, meta and the cleaned text", async () => {
    const r = await run("inspect", "seeds/004_6f7d79f1b7bb937e.txt", "--json");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ encoding: "utf-8", script: "traditional", meta: { 文号: "晋政办〔2022〕21号" } });
    expect(report.repairs["mojibake-repaired"]).toBeGreaterThanOrEqual(18);
    for (const h of ["（一）创新应急管理体制机制", "（三）加强灾害事故应对准备", "（一）“十三五”期间建设成效", "（五）社会应急能力提升工程", "（三）加强评估监督"])
      expect(report.text.split("\n")).toContain(h);
    expect(report.notes.every((n: { stage: string; line: unknown }) => typeof n.stage === "string")).toBe(true);
  });
  it("shows a human report on stdout without --json", async () => {
    const r = await run("inspect", "seeds/001_2b4fa658977f0053.txt");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/encoding\s+utf-8/);
    expect(r.stdout).toMatch(/toc-dropped/);
  });
  it("--at LINE shows the line as read, its page, the facts read from it and the clean text around it", async () => {
    const r = await run("inspect", "seeds/003_cf0accc487ded217.txt", "--at", "276");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("  as read   2 生产安全事故死亡人数 人 62 — 44% 6\n");
    expect(r.stdout).toMatch(/facts {5}indicator 2 of 专栏1：[^:]+: 生产安全事故死亡人数 \(003_cf0accc487ded217\.txt:269;271;273;275-276\)/);
    expect(r.stdout).toMatch(/\n▶ 276  2 生产安全事故死亡人数/);
    const pdf = JSON.parse((await run("inspect", "fixtures/formats/yongjia.pdf", "--at", "40", "--json")).stdout);
    expect(pdf).toMatchObject({ line: 40, page: 5, facts: [{ kind: "item", name: "应急机制体制健全亟需发力", at: { source: "yongjia.pdf", lines: [40], pages: [5] } }] });
    expect(pdf.around.filter((a: { here: boolean }) => a.here)).toHaveLength(1);
  });
  it("--at a line the file does not have, or not a line number: one line, exit 2", async () => {
    const far = await run("inspect", "seeds/002_3693ba97f58c2210.txt", "--at", "99999");
    expect(far.status).toBe(2);
    expect(far.stderr).toMatch(/^plans: seeds\/002_3693ba97f58c2210\.txt: --at 99999: the file has \d+ lines as read\n$/);
    expect((await run("inspect", "seeds/002_3693ba97f58c2210.txt", "--at", "x")).status).toBe(2);
  });
  it("refuses a file it cannot read, naming it, with exit 2 and no stack trace", async () => {
    const r = await run("inspect", "fixtures/encodings/not-text.pdf");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not-text\.pdf: a damaged or truncated PDF/);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
  it("names a missing file with exit 2", async () => {
    const r = await run("inspect", "no/such/file.txt");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\/such\/file\.txt: no such file/);
  });
});

describe("plans ingest", () => {
  const out = join(tmp(), "out");
  const ran = run("ingest", "seeds", "--out", out);

  it("writes four county files, five CSVs and a manifest, quietly when piped; the cache beside it", async () => {
    const first = await ran;
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("");
    expect(first.stderr).toBe("");
    expect(existsSync(join(out, "..", ".plans-cache", "out", "index.json"))).toBe(true);
    expect(readdirSync(out).sort()).toEqual(["chapters.csv", "documents.csv", "indicators.csv", "jinjiang.json", "lezhi.json", "linan.json", "manifest.json", "projects.csv", "tasks.csv", "yongjia.json"]);
    for (const f of readdirSync(out).filter((f) => f.endsWith(".csv"))) expect(readFileSync(join(out, f), "utf8").startsWith("\ufeff")).toBe(true);
    const manifest = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
    expect(manifest.inputs).toHaveLength(5);
    expect(manifest.inputs.find((i: { path: string }) => i.path === "000_5f02f4d983df7aea.txt").document).toBe("yongjia");
  });
  it("gives the dataset the one ingest path builds in the tests' setup, and --check agrees", async () => {
    await ran;
    expect(snapshot(out)).toEqual(filesOf("seeds"));
    const check = await run("ingest", "seeds", "--out", out, "--check");
    expect(check.status).toBe(0);
  });
  it("--check exits 1 and names what drifted", async () => {
    await ran;
    const copy = join(tmp(), "out");
    cpSync(out, copy, { recursive: true });
    // with its cache, as a user's copy of a project would have it: nothing needs parsing again
    cpSync(join(out, "..", ".plans-cache"), join(copy, "..", ".plans-cache"), { recursive: true });
    writeFileSync(join(copy, "linan.json"), readFileSync(join(copy, "linan.json"), "utf8").replace("临安区", "临安县"));
    writeFileSync(join(copy, "analysis.R"), "x"); // a user's file beside the dataset is no drift
    const r = await run("ingest", "seeds", "--out", copy, "--check");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/changed\s+linan\.json/);
    expect(r.stdout).not.toContain("analysis.R");
    expect(readFileSync(join(copy, "analysis.R"), "utf8")).toBe("x"); // --check writes nothing
  });
  it("leaves the previous output untouched when nothing can be ingested", async () => {
    await ran;
    const dir = tmp();
    cpSync(out, join(dir, "out"), { recursive: true });
    const bad = join(dir, "bad");
    cpSync(join(cwd, "fixtures/encodings/not-text.pdf"), join(dir, "bad.pdf"));
    warmCache(join(dir, "out"));
    const r = await run("ingest", join(dir, "bad.pdf"), "--out", join(dir, "out"));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.pdf: a damaged or truncated PDF/);
    expect(readdirSync(join(dir, "out")).sort()).toEqual(readdirSync(out).sort());
    expect(existsSync(bad)).toBe(false);
  });
  it("prints the summary table with --summary", async () => {
    const out = join(tmp(), "out");
    warmCache(out);
    const r = await run("ingest", "seeds/000_5f02f4d983df7aea.txt", "seeds/003_cf0accc487ded217.txt", "--out", out, "--summary");
    expect(r.stderr).toMatch(/yongjia\s*│\s*永嘉县\s*│\s*2/);
  });
});

describe("plans compare", () => {
  const data = dataset("seeds").dir;

  it("shows two counties side by side, by slug or Chinese name, alias diff", async () => {
    const a = await run("compare", "yongjia", "linan", "--data", data);
    expect(a.status).toBe(0);
    expect(a.stdout).toContain("永嘉县 (yongjia)  vs  临安区 (linan)");
    expect(a.stdout).toMatch(/Indicators: 13 shared/);
    const b = await run("diff", "永嘉县", "临安", "--data", data);
    expect(b.status).toBe(0);
    expect(b.stdout).toBe(a.stdout);
  });

  it("writes json, csv, md and html, to stdout or -o", async () => {
    const json = JSON.parse((await run("compare", "lezhi", "jinjiang", "--data", data, "--format", "json")).stdout);
    expect(json.counties).toEqual(["lezhi", "jinjiang"]);
    expect((await run("compare", "lezhi", "jinjiang", "--data", data, "-f", "csv")).stdout.startsWith("key,")).toBe(true);
    expect((await run("compare", "lezhi", "jinjiang", "--data", data, "-f", "md")).stdout).toMatch(/^# 乐至县 vs 晋江市/);
    const file = join(tmp(), "report.html");
    const r = await run("compare", "lezhi", "jinjiang", "--all", "--data", data, "-f", "html", "-o", file);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(file, "utf8")).toMatch(/^<!DOCTYPE html>/);
  });

  it("--all compares every county; --against national adds the national targets", async () => {
    const json = JSON.parse((await run("compare", "--all", "--against", "national", "--data", data, "-f", "json")).stdout);
    expect(json.counties).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
    expect(json.indicators.some((r: { values: Record<string, unknown> }) => r.values.national)).toBe(true);
  });

  it("names an unknown county, suggests the nearest and lists the rest, exit 1", async () => {
    const r = await run("compare", "yongjia", "linnan", "--data", data);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('unknown county "linnan" — did you mean linan?');
    expect(r.stderr).toContain("yongjia (永嘉县)");
    expect(r.stdout).toBe("");
  });

  it("refuses fewer than two counties, a county twice and an unknown format, exit 2", async () => {
    expect((await run("compare", "yongjia", "--data", data)).status).toBe(2);
    expect((await run("compare", "yongjia", "永嘉", "--data", data)).stderr).toContain("asked for twice");
    const f = await run("compare", "yongjia", "linan", "--data", data, "-f", "pdf");
    expect(f.status).toBe(2);
    expect(f.stderr).toContain("--format must be one of table, json, csv, md, html");
  });

  it("builds the dataset from seeds/ when there is none, and says so on stderr", async () => {
    const dir = tmp();
    cpSync(join(cwd, "seeds"), join(dir, "seeds"), { recursive: true });
    warmCache(join(dir, "out"));
    const r = await runCli(["compare", "yongjia", "linan", "-f", "json"], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("no dataset in out/; building it from seeds/ first");
    expect(existsSync(join(dir, "out", "manifest.json"))).toBe(true);
    expect(JSON.parse(r.stdout).counties).toEqual(["yongjia", "linan"]);
  });

  it("plans list shows the counties of the dataset", async () => {
    const r = await run("list", "--data", data, "--json");
    expect(JSON.parse(r.stdout).map((e: { slug: string }) => e.slug)).toEqual(["jinjiang", "lezhi", "linan", "yongjia"]);
  });
});
