// What plans must never do to a user's files: delete or overwrite what it did not write, let inputs of
// the same name overwrite each other, parse byte-identical copies again, or die with a stack trace
// when it cannot write. Each case was reproduced on the tool before these rules; each test runs the
// built CLI as a user would. (A full disk, a missing native build and Ctrl-C need processes of
// their own: test/system.)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { dataset, filesOf } from "./datasets.js";
import { leftovers, root, runCli, snapshot, tmp as tmpIn, tree, warmCache, workingFolder, type RunOptions } from "./helpers.js";

const seeds = fileURLToPath(new URL("seeds", root));
const tmp = () => tmpIn("plans-safety-");
const run = (args: string[], options: RunOptions = {}) => runCli(args, options);

const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));

describe("the output folder", () => {
  it("`-o .` is refused: the current folder holds the inputs; nothing is touched", async () => {
    const dir = workingFolder();
    writeFileSync(join(dir, "notes.txt"), "mine");
    const before = tree(dir);
    const r = await run(["ingest", "seeds/", "--out", "."], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plans: [^\n]*contains the input seeds/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(tree(dir)).toEqual(before);
  });

  it("an output folder that is an input is refused, even with --force", async () => {
    const dir = workingFolder();
    const before = tree(dir);
    for (const extra of [[], ["--force"]]) {
      const r = await run(["ingest", "seeds", "--out", "seeds", ...extra], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/seeds[^\n]*is the input seeds|contains the input/);
    }
    const parent = await run(["ingest", "seeds/001_2b4fa658977f0053.txt", "--out", ".", "--force"], { cwd: dir });
    expect(parent.status).toBe(2);
    expect(tree(dir)).toEqual(before);
  });

  it("a folder that is not a plans dataset is refused unless --force, and then the user's files stay", async () => {
    const dir = workingFolder();
    mkdirSync(join(dir, "results"));
    writeFileSync(join(dir, "results", "analysis.R"), "summary(x)\n");
    const refused = await run(["ingest", "seeds", "--out", "results"], { cwd: dir });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^plans: results: [^\n]*not a plans dataset[^\n]*--force/);
    expect(readdirSync(join(dir, "results"))).toEqual(["analysis.R"]);

    warmCache(join(dir, "results"));
    const forced = await run(["ingest", "seeds/002_3693ba97f58c2210.txt", "--out", "results", "--force"], { cwd: dir });
    expect(forced.status, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, "results", "analysis.R"), "utf8")).toBe("summary(x)\n");
    expect(existsSync(join(dir, "results", "manifest.json"))).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it("replacing a dataset keeps the files and folders a user added beside it", async () => {
    const dir = workingFolder();
    cpSync(dataset("seeds:002").dir, join(dir, "out"), { recursive: true }); // what `plans ingest seeds/002… --out out` wrote
    writeFileSync(join(dir, "out", "analysis.R"), "read.csv('tasks.csv')\n");
    mkdirSync(join(dir, "out", "figures"));
    writeFileSync(join(dir, "out", "figures", "fig1.svg"), "<svg/>");
    warmCache(join(dir, "out"));
    const again = await run(["ingest", "seeds/001_2b4fa658977f0053.txt", "seeds/002_3693ba97f58c2210.txt", "--out", "out"], { cwd: dir });
    expect(again.status, again.stderr).toBe(0);
    expect(readFileSync(join(dir, "out", "analysis.R"), "utf8")).toBe("read.csv('tasks.csv')\n");
    expect(readFileSync(join(dir, "out", "figures", "fig1.svg"), "utf8")).toBe("<svg/>");
    expect(snapshot(join(dir, "out"))).toEqual({ ...filesOf("seeds:001+002"), "analysis.R": "read.csv('tasks.csv')\n" });
    expect(leftovers(dir)).toEqual([]);
  });

  it("an empty folder, or one that does not exist yet, is fine", async () => {
    const dir = workingFolder();
    mkdirSync(join(dir, "empty"));
    warmCache(join(dir, "empty"));
    warmCache(join(dir, "new", "deeper"));
    expect((await run(["ingest", "seeds/002_3693ba97f58c2210.txt", "--out", "empty"], { cwd: dir })).status).toBe(0);
    expect((await run(["ingest", "seeds/002_3693ba97f58c2210.txt", "--out", "new/deeper"], { cwd: dir })).status).toBe(0);
    expect(existsSync(join(dir, "new", "deeper", "lezhi.json"))).toBe(true);
  });
});

describe("inputs", () => {
  it("files of the same name in different folders each keep their own path", async () => {
    const dir = tmp();
    for (const [county, seed] of [["a", "001_2b4fa658977f0053.txt"], ["b", "002_3693ba97f58c2210.txt"]]) {
      mkdirSync(join(dir, county!));
      cpSync(join(seeds, seed!), join(dir, county!, "content.txt"));
    }
    const [folders, files] = [join(tmp(), "out"), join(tmp(), "out")];
    const r1 = await run(["ingest", "a/", "b/", "--out", folders], { cwd: dir });
    // the second run records the same paths: the first one's cache serves it
    cpSync(join(folders, "..", ".plans-cache"), join(files, "..", ".plans-cache"), { recursive: true });
    const r2 = await run(["ingest", "a/content.txt", "b/content.txt", "--out", files, "--times"], { cwd: dir });
    expect(r2.stderr).toMatch(/\b0 of 2 files parsed, 2 from the cache/);
    for (const [r, out] of [[r1, folders], [r2, files]] as const) {
      expect(r.status, r.stderr).toBe(0);
      const m = manifestOf(out);
      expect(m.inputs.map((i: { path: string }) => i.path)).toEqual(["a/content.txt", "b/content.txt"]);
      expect(m.documents.map((d: { slug: string; sources: string[] }) => [d.slug, d.sources])).toEqual([["lezhi", ["b/content.txt"]], ["linan", ["a/content.txt"]]]);
    }
  });

  it("a byte-identical copy is listed as a duplicate of the first and not parsed again", async () => {
    const dir = tmp();
    for (const folder of ["copy1", "copy2", "seeds"]) {
      mkdirSync(join(dir, folder));
      for (const seed of ["001_2b4fa658977f0053.txt", "002_3693ba97f58c2210.txt"]) cpSync(join(seeds, seed), join(dir, folder, seed));
    }
    const out = join(tmp(), "out");
    const r = await run(["ingest", dir, "--out", out, "--times"]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/\b2 of 2 files parsed, 0 from the cache, 4 duplicates not parsed/);
    const inputs = manifestOf(out).inputs as Array<{ path: string; status: string; duplicateOf?: string; document: string | null }>;
    expect(inputs.map((i) => i.path)).toHaveLength(6);
    expect(inputs.find((i) => i.path === "seeds/002_3693ba97f58c2210.txt")).toMatchObject({ status: "duplicate", duplicateOf: "copy1/002_3693ba97f58c2210.txt", document: "lezhi" });
    expect(inputs.filter((i) => i.status === "duplicate")).toHaveLength(4);
    // the documents are what the two files alone give: no repeated notes, no extra alternates
    const alone = dataset("seeds:001+002").documents;
    for (const slug of ["lezhi", "linan"]) {
      const a = JSON.parse(readFileSync(join(out, `${slug}.json`), "utf8"));
      const b = alone.find((d) => d.slug === slug)!;
      expect(a.notes.length).toBe(b.notes.length);
      expect(a.sources.length).toBe(b.sources.length);
      // where each fact was read names the copy that was parsed, the first by path
      expect(JSON.parse(JSON.stringify(a.chapters).replaceAll('"source":"copy1/', '"source":"'))).toEqual(b.chapters);
    }
  });
});

describe("write failures", () => {
  it("an output path under a file: one line naming it, exit 2, nothing left behind", async () => {
    const dir = workingFolder();
    writeFileSync(join(dir, "plain"), "x");
    const r = await run(["ingest", "seeds/002_3693ba97f58c2210.txt", "--out", "plain/out"], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^plans: plain\/out: cannot write \([^)]*not a folder[^)]*\)\n$/i);
    expect(readdirSync(dir).sort()).toEqual(["plain", "seeds"]);
  });
});
