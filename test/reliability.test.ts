// Reliability: bad input of every kind, every line of a plan kept or accounted for, and the schema
// every document must satisfy. (Runs killed mid-write or run twice at once, and determinism across
// timezone and locale, need processes of their own: test/system.)
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "../src/clean/index.js";
import { openStaging } from "../src/commands/files.js";
import { parseSource, summaryOf } from "../src/dataset/parse.js";
import { planDocuments, reconcile } from "../src/dataset/reconcile.js";
import { PLAN_DOCUMENT_SCHEMA } from "../src/model.schema.js";
import { slugOf } from "../src/segment/meta.js";
import { dataset, filesOf } from "./datasets.js";
import { leftovers, readBytes, readText, runCli, runTogether, seedNames, snapshot, tmp as tmpIn, warmCache } from "./helpers.js";

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli(args, { env });
const tmp = () => tmpIn("plans-rel-");
const seed = (prefix: string) => `seeds/${seedNames().find((n) => n.startsWith(prefix))}`;

describe("bad input", () => {
  const dir = tmp();
  const plan002 = readText(seed("002"));
  const files: Record<string, string | Uint8Array> = {
    "empty.txt": "",
    "blank.txt": "   \n\t\n  \n",
    "fake-pdf.txt": readBytes("fixtures/encodings/not-text.pdf"),
    "fake-docx.txt": readBytes("fixtures/encodings/not-text.docx"),
    "picture.txt": readBytes("fixtures/encodings/not-text.png"),
    "random.bin": readBytes("fixtures/encodings/random.bin"),
    "nul.txt": "一、总体要求\0\0（一）指导思想\0应急管理\n",
    "truncated.txt": readBytes("fixtures/encodings/truncated-utf8.txt"),
    "mixed.txt": readBytes("fixtures/encodings/mixed-gbk-in-utf8.txt"),
    "news.txt": "本报讯 今天上午，市民公园迎来踏青高峰。记者看到，游客络绎不绝，园内花开正艳。\n据介绍，今年公园新增了多条步道。\n",
    "no-tables.txt": plan002.split("\n").filter((l) => !/指标|^\d+$|^(下降|<)|约束性|预期性/.test(l)).join("\n"),
    "malformed.txt": plan002.replace("序号", "序号\n1\n2\t3\t\t\n序号\t指标名称\n").replace(/^（[一二三]）/m, "序号\t指标名称\t目标值\n"),
    ".hidden.txt": plan002,
    "sub/deeper/lezhi-copy.txt": plan002,
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  symlinkSync("/etc/hostname", join(dir, "link.txt"));
  const outDir = join(tmp(), "out");
  const ran = run(["ingest", dir, "--out", outDir]);

  it("processes the good files and exits 0 with a warning per skipped file, never a stack trace", async () => {
    const r = await ran;
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|internal error/);
    const says = (file: string, what: RegExp) => expect(r.stderr).toMatch(new RegExp(`${file.replace(".", "\\.")}[^\\n]*${what.source}`));
    says("empty.txt", /empty/);
    says("blank.txt", /only whitespace/);
    says("fake-pdf.txt", /PDF/);
    says("fake-docx.txt", /DOCX|ZIP/i);
    says("picture.txt", /PNG/);
    says("random.bin", /binary/);
    says("news.txt", /not taken as a plan/);
    says("link.txt", /symbolic link/);
    expect(r.stderr).not.toContain(".hidden.txt");
  });
  it("ingests the plan in a subfolder, and plans without tables or with broken ones", async () => {
    await ran;
    const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
    const ok = manifest.inputs.filter((i: { status: string }) => i.status === "ok").map((i: { path: string }) => i.path);
    expect(ok).toEqual(expect.arrayContaining(["sub/deeper/lezhi-copy.txt", "no-tables.txt", "malformed.txt"]));
  });
  it("--strict turns any skipped file into exit 1", async () => {
    const strict = await run(["ingest", join(dir, "news.txt"), seed("002"), "--out", join(tmp(), "out"), "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("--strict: 1 file skipped");
  });
  it("exits 2 when nothing can be ingested, or a path does not exist, naming it", async () => {
    const none = await run(["ingest", join(dir, "news.txt"), join(dir, "empty.txt"), "--out", join(tmp(), "out")]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no plan could be ingested");
    const missing = await run(["ingest", "/no/such/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("plans: /no/such/folder: no such file or folder\n");
  });
  it.skipIf(process.getuid?.() === 0)("names a file it cannot read and goes on", async () => {
    const d = tmp();
    writeFileSync(join(d, "secret.txt"), plan002);
    chmodSync(join(d, "secret.txt"), 0);
    writeFileSync(join(d, "plan.txt"), plan002);
    const x = await run(["ingest", d, "--out", join(tmp(), "out")]);
    expect(x.status).toBe(0);
    expect(x.stderr).toMatch(/secret\.txt: cannot read \(EACCES\)/);
  });
  it("skips a file too large to be one plan before reading it; --max-size raises the limit", async () => {
    const d = tmp();
    writeFileSync(join(d, "huge.txt"), Buffer.alloc(3 * 1024 * 1024, "应急"));
    cpSync(seed("002"), join(d, "plan.txt"));
    const x = await run(["ingest", d, "--out", join(tmp(), "out"), "--max-size", "2"]);
    expect(x.status).toBe(0);
    expect(x.stderr).toMatch(/huge\.txt: skipped, 3\.0 MB is more than one plan \(limit 2 MB/);
  });
  it("reads a single 3 MB line without blowing up (it is no plan, and says so)", async () => {
    const d = tmp();
    writeFileSync(join(d, "one-line.txt"), "应急管理规划内容，".repeat(350_000));
    const x = await run(["ingest", d, "--out", join(tmp(), "out")]);
    expect(x.status).toBe(2);
    expect(x.stderr).toContain("one-line.txt: not taken as a plan");
  }, 30_000);
});

describe("nothing lost", () => {
  it("two runs at once in one process (main() twice): both finish, the folder is one of them, whole, and no work folder is left", async () => {
    const base = tmpIn("plans-rel-");
    const out = join(base, "out");
    // from the cache, both runs reach their writes at the same moment
    warmCache(out);
    const runs = await runTogether([
      ["ingest", seed("001"), "--out", out],
      ["ingest", seed("002"), "--out", out],
    ]);
    expect(runs.map((r) => [r.status, r.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    expect([JSON.stringify(filesOf("seeds:001")), JSON.stringify(filesOf("seeds:002"))]).toContain(JSON.stringify(snapshot(out)));
    expect(leftovers(base)).toEqual([]);
    expect(leftovers(join(base, ".plans-cache"))).toEqual([]);
  });

  it.each(seedNames())("every line of %s is kept or accounted for in a note", (name) => {
    const text = new TextDecoder().decode(readBytes(`seeds/${name}`));
    const c = clean(text, name);
    const covered = new Set<number>();
    for (const l of c.lines) for (let k = l.line; k <= (l.end ?? l.line); k++) covered.add(k);
    for (const n of c.notes) if (n.line !== null) covered.add(n.line);
    const lost = text.split(/\r\n|\r|\n/).flatMap((t, i) => (t.trim() !== "" && !covered.has(i + 1) ? [`${i + 1}: ${t.slice(0, 40)}`] : []));
    expect(lost).toEqual([]);
  });

  it("writes only dataset file names inside the output folder", () => {
    const out = join(tmp(), "out");
    const staging = openStaging(out);
    expect(() => staging.put("../escape.json", "{}")).toThrow(/not a dataset file name/);
    expect(() => staging.put("/etc/x.json", "{}")).toThrow(/not a dataset file name/);
    staging.abort();
    expect(existsSync(out)).toBe(false);
    expect(slugOf("曼")).toMatch(/^[a-z0-9-]+$/);
    expect(slugOf("")).toBe("county");
  });
});

describe("schema", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(PLAN_DOCUMENT_SCHEMA);
  it("every document of the seeds satisfies the JSON Schema kept beside model.ts", () => {
    for (const d of dataset("seeds").documents) {
      const ok = validate(JSON.parse(JSON.stringify(d)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
  it("so does whatever the stages make of a plan with random lines spliced in (property)", async () => {
    const lines = readText(seed("001")).split("\n");
    const noise = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("序号\t指标名称\t目标值", "1\t某指标\t<5%", "专栏9：工程", "（九）", "1.", "注：带（）指标为五年平均数"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(lines.length), noise), { maxLength: 6 }), async (inserts) => {
        const copy = [...lines];
        for (const [at, l] of inserts) copy.splice(at, 0, l);
        const { result } = await parseSource({ path: "p.txt", bytes: new TextEncoder().encode(copy.join("\n")) });
        if (!result) return;
        const d = reconcile([result], planDocuments([summaryOf(result)])[0]!.slug);
        expect(validate(JSON.parse(JSON.stringify(d)))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });
});
