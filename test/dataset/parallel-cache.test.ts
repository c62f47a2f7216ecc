// `plans ingest` on worker threads and with its content-hash cache: the dataset must not depend on
// the number of workers nor on what the cache held, and the cache must serve only unchanged files.
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/dataset/ingest.js";
import { root } from "../helpers.js";

const bin = fileURLToPath(new URL("bin/plans.js", root));
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: fileURLToPath(root), encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
const tmp = () => mkdtempSync(join(tmpdir(), "plans-par-"));
/** The dataset's files and contents, the hidden cache left out. */
const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir).filter((f) => !f.startsWith(".")).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));
const parsedCount = (stderr: string) => Number(/(\d+) of \d+ files parsed/.exec(stderr)?.[1]);

/** The seeds and three re-encoded variants: eight files, four encodings, two HTML pages. */
function corpus(): string {
  const dir = tmp();
  cpSync(fileURLToPath(new URL("seeds", root)), dir, { recursive: true });
  for (const f of ["lezhi-gbk.txt", "linan-big5.txt", "yongjia-utf16le.txt"]) cpSync(fileURLToPath(new URL(`fixtures/variants/${f}`, root)), join(dir, `variant-${f}`));
  return dir;
}

const version = JSON.parse(readFileSync(new URL("package.json", root), "utf8")).version;
/** The dataset ingest() builds in memory, in this thread, from the same folder. */
const inMemory = async (dir: string) =>
  Object.fromEntries([...(await ingest(readdirSync(dir).sort().map((f) => ({ path: f, bytes: readFileSync(join(dir, f)) })), { toolVersion: version })).files].sort(([a], [b]) => (a < b ? -1 : 1)));

// one corpus and one output folder, carried from test to test: each run is a few seconds
const input = corpus();
const out = join(tmp(), "out");

describe("ingest on worker threads", () => {
  it("writes the same dataset with 1 or 3 workers, the same as the in-memory ingest()", async () => {
    const one = join(tmp(), "out");
    const r1 = run("ingest", input, "--out", one, "--jobs", "1", "--no-cache", "--times");
    expect(r1.status, r1.stderr).toBe(0);
    expect(parsedCount(r1.stderr)).toBe(8);
    const r3 = run("ingest", input, "--out", out, "--jobs", "3", "--times");
    expect(r3.status, r3.stderr).toBe(0);
    expect(parsedCount(r3.stderr)).toBe(8);
    const expected = await inMemory(input);
    expect(Object.keys(expected).length).toBeGreaterThan(6);
    expect(snapshot(one)).toEqual(expected);
    expect(snapshot(out)).toEqual(expected);
  });
  it("parses a file too large for a worker's heap again on a worker of its own, with the same result", () => {
    const small = join(tmp(), "out");
    const r = spawnSync(process.execPath, [bin, "ingest", input, "--out", small, "--no-cache", "--times"], {
      cwd: fileURLToPath(root),
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", PLANS_PARSE_HEAP_MB: "8" },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(Number(/(\d+) again alone after a worker ran out of heap/.exec(r.stderr)?.[1])).toBeGreaterThan(0);
    expect(snapshot(small)).toEqual(snapshot(out));
  });
  it("refuses a --jobs that is not a whole number from 1 to 64", () => {
    const r = run("ingest", input, "--out", join(tmp(), "out"), "--jobs", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs wants a whole number/);
  });
});

describe("the content-hash cache in out/.cache", () => {
  it("serves unchanged files, reparses a changed or damaged one, keeps no stale entries, and never changes the output", async () => {
    const first = snapshot(out);
    const warm = run("ingest", input, "--out", out, "--times");
    expect(parsedCount(warm.stderr)).toBe(0);
    expect(snapshot(out)).toEqual(first);

    // one file changes: only it is parsed again, and the result is what a build from scratch gives
    appendFileSync(join(input, "001_2b4fa658977f0053.txt"), "\n附件：无\n");
    const changed = run("ingest", input, "--out", out, "--times");
    expect(parsedCount(changed.stderr)).toBe(1);
    const expected = await inMemory(input);
    expect(snapshot(out)).toEqual(expected);
    const entries = () => readdirSync(join(out, ".cache")).filter((f) => f !== "index.json");
    expect(entries()).toHaveLength(8); // eight plans, and the changed file's old entry is gone

    // a damaged entry costs a reparse, not a wrong or failed run
    truncateSync(join(out, ".cache", entries()[0]!), 10);
    const damaged = run("ingest", input, "--out", out, "--times");
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(parsedCount(damaged.stderr)).toBe(1);
    expect(snapshot(out)).toEqual(expected);

    // --check reads the cache but writes nothing into out/
    const before = statSync(join(out, ".cache", "index.json")).mtimeMs;
    const check = run("ingest", input, "--out", out, "--check", "--times");
    expect(check.status, check.stdout).toBe(0);
    expect(parsedCount(check.stderr)).toBe(0);
    expect(statSync(join(out, ".cache", "index.json")).mtimeMs).toBe(before);
  });
});
