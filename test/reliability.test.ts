// Reliability: bad input of every kind, runs killed mid-write or run twice at once, determinism
// across order, timezone and locale, and the schema every document must satisfy.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "../src/clean/index.js";
import { recoverInterrupted, writeAtomically } from "../src/commands/files.js";
import { ingest } from "../src/dataset/ingest.js";
import { PLAN_DOCUMENT_SCHEMA } from "../src/model.schema.js";
import { slugOf } from "../src/segment/meta.js";
import { version } from "../src/version.js";
import { readBytes, readText, root, seedNames } from "./helpers.js";

const bin = fileURLToPath(new URL("bin/plans.js", root));
const cwd = fileURLToPath(root);
const run = (args: string[], env: NodeJS.ProcessEnv = {}) => spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1", ...env } });
const tmp = () => mkdtempSync(join(tmpdir(), "plans-rel-"));
const snapshot = (dir: string): Record<string, string> =>
  Object.fromEntries(readdirSync(dir).filter((f) => !f.startsWith(".")).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
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
  const r = run(["ingest", dir, "--out", outDir]);

  it("processes the good files and exits 0 with a warning per skipped file, never a stack trace", () => {
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at |TypeError|RangeError|internal error/);
    const says = (file: string, what: RegExp) => expect(r.stderr).toMatch(new RegExp(`${file.replace(".", "\\.")}[^\\n]*${what.source}`));
    says("empty.txt", /empty/);
    says("blank.txt", /only whitespace/);
    says("fake-pdf.txt", /PDF/);
    says("fake-docx.txt", /DOCX|ZIP/i);
    says("picture.txt", /PNG/);
    says("random.bin", /binary/);
    says("news.txt", /not recognized as a plan/);
    says("link.txt", /symbolic link/);
    expect(r.stderr).not.toContain(".hidden.txt");
  });
  it("ingests the plan in a subfolder, and plans without tables or with broken ones", () => {
    const manifest = JSON.parse(readFileSync(join(outDir, "manifest.json"), "utf8"));
    const ok = manifest.inputs.filter((i: { status: string }) => i.status === "ok").map((i: { path: string }) => i.path);
    expect(ok).toEqual(expect.arrayContaining(["sub/deeper/lezhi-copy.txt", "no-tables.txt", "malformed.txt"]));
  });
  it("--strict turns any skipped file into exit 1", () => {
    const strict = run(["ingest", join(dir, "news.txt"), seed("002"), "--out", join(tmp(), "out"), "--strict"]);
    expect(strict.status).toBe(1);
    expect(strict.stderr).toContain("--strict: 1 file skipped");
  });
  it("exits 2 when nothing can be ingested, or a path does not exist, naming it", () => {
    const none = run(["ingest", join(dir, "news.txt"), join(dir, "empty.txt"), "--out", join(tmp(), "out")]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("no plan could be ingested");
    const missing = run(["ingest", "/no/such/folder"]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("plans: /no/such/folder: no such file or folder\n");
  });
  it.skipIf(process.getuid?.() === 0)("names a file it cannot read and goes on", () => {
    const d = tmp();
    writeFileSync(join(d, "secret.txt"), plan002);
    chmodSync(join(d, "secret.txt"), 0);
    writeFileSync(join(d, "plan.txt"), plan002);
    const x = run(["ingest", d, "--out", join(tmp(), "out")]);
    expect(x.status).toBe(0);
    expect(x.stderr).toMatch(/secret\.txt: cannot read \(EACCES\)/);
  });
  it("skips a file too large to be one plan before reading it; --max-size raises the limit", () => {
    const d = tmp();
    writeFileSync(join(d, "huge.txt"), Buffer.alloc(3 * 1024 * 1024, "应急"));
    cpSync(seed("002"), join(d, "plan.txt"));
    const x = run(["ingest", d, "--out", join(tmp(), "out"), "--max-size", "2"]);
    expect(x.status).toBe(0);
    expect(x.stderr).toMatch(/huge\.txt: skipped, 3\.0 MB is more than one plan \(limit 2 MB/);
  });
  it("reads a single 3 MB line without blowing up (it is no plan, and says so)", () => {
    const d = tmp();
    writeFileSync(join(d, "one-line.txt"), "应急管理规划内容，".repeat(350_000));
    const x = run(["ingest", d, "--out", join(tmp(), "out")]);
    expect(x.status).toBe(2);
    expect(x.stderr).toContain("one-line.txt: not recognized as a plan");
  }, 30_000);
});

describe("nothing lost", () => {
  /** What `plans ingest` writes for these seed files, built in this process. */
  const expected = async (...prefixes: string[]): Promise<string> => {
    const names = seedNames().filter((n) => prefixes.some((p) => n.startsWith(p)));
    const { files } = await ingest(names.map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: version });
    return JSON.stringify(Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))));
  };

  it("a run killed at any moment leaves the old output or the new, never a mix", async () => {
    const base = tmp();
    const out = join(base, "out");
    expect(run(["ingest", seed("002"), "--out", out]).status).toBe(0);
    const old = JSON.stringify(snapshot(out));
    expect(old).toBe(await expected("002"));
    const next = await expected("001", "002");
    const outcomes = new Set<string>();
    for (const delay of [250, 700, 1100, 1500]) {
      const child = spawn(process.execPath, [bin, "ingest", seed("001"), seed("002"), "--out", out], { cwd, stdio: "ignore" });
      // listen before waiting: a run may finish before the kill comes
      const exited = new Promise((r) => child.on("exit", r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill("SIGKILL");
      await exited;
      recoverInterrupted(out); // what the next run does first
      const now = JSON.stringify(snapshot(out));
      expect([old, next]).toContain(now);
      outcomes.add(now === old ? "old" : "new");
      expect(readdirSync(base).filter((f) => f.startsWith("."))).toEqual([]);
      if (now === next) expect(run(["ingest", seed("002"), "--out", out]).status).toBe(0);
    }
    console.log(`killed runs left: ${[...outcomes].join(", ")}`);
  }, 90_000);

  it("two runs at once on one output folder: both finish, and the folder is one of them, whole", async () => {
    const out = join(tmp(), "out");
    const go = (input: string) =>
      new Promise<number>((resolve) => spawn(process.execPath, [bin, "ingest", input, "--out", out], { cwd, stdio: "ignore" }).on("exit", (code) => resolve(code ?? -1)));
    const codes = await Promise.all([go(seed("001")), go(seed("002"))]);
    expect(codes).toEqual([0, 0]);
    expect([await expected("001"), await expected("002")]).toContain(JSON.stringify(snapshot(out)));
  }, 60_000);

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
    expect(() => writeAtomically(out, new Map([["../escape.json", "{}"]]))).toThrow(/not a dataset file name/);
    expect(() => writeAtomically(out, new Map([["/etc/x.json", "{}"]]))).toThrow(/not a dataset file name/);
    expect(existsSync(out)).toBe(false);
    expect(slugOf("曼")).toMatch(/^[a-z0-9-]+$/);
    expect(slugOf("")).toBe("county");
  });
});

describe("determinism", () => {
  it("the same files give byte-identical output whatever their order, timezone and locale", () => {
    const a = join(tmp(), "out");
    const b = join(tmp(), "out");
    const files = seedNames().map((n) => `seeds/${n}`);
    expect(run(["ingest", ...files, "--out", a], { TZ: "Asia/Shanghai", LANG: "zh_CN.UTF-8", LC_ALL: "zh_CN.UTF-8" }).status).toBe(0);
    expect(run(["ingest", ...[...files].reverse(), "--out", b], { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" }).status).toBe(0);
    expect(snapshot(b)).toEqual(snapshot(a));
  }, 60_000);
});

describe("schema", () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  const validate = ajv.compile(PLAN_DOCUMENT_SCHEMA);
  it("every document of the seeds satisfies the JSON Schema kept beside model.ts", async () => {
    const r = await ingest(seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: "t" });
    for (const d of r.documents) {
      const ok = validate(JSON.parse(JSON.stringify(d)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });
  it("so does whatever ingest makes of a plan with random lines spliced in (property)", async () => {
    const lines = readText(seed("001")).split("\n");
    const noise = fc.oneof(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom("序号\t指标名称\t目标值", "1\t某指标\t<5%", "专栏9：工程", "（九）", "1.", "注：带（）指标为五年平均数"));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(lines.length), noise), { maxLength: 6 }), async (inserts) => {
        const copy = [...lines];
        for (const [at, l] of inserts) copy.splice(at, 0, l);
        const r = await ingest([{ path: "p.txt", bytes: new TextEncoder().encode(copy.join("\n")) }], { toolVersion: "t" });
        for (const d of r.documents) expect(validate(JSON.parse(JSON.stringify(d)))).toBe(true);
      }),
      { numRuns: 10 },
    );
  });
});
