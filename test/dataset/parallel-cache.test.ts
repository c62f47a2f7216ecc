// `plans ingest` on worker threads and with its content-hash cache: the dataset must not depend on
// the number of workers nor on what the cache held, and the cache must serve only unchanged files.
import { appendFileSync, cpSync, readdirSync, statSync, truncateSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repo, runCli, snapshot, tmp as tmpIn } from "../helpers.js";

const tmp = () => tmpIn("plans-par-");
const run = (...args: string[]) => runCli(args);
const parsedCount = (stderr: string) => Number(/(\d+) of \d+ files parsed/.exec(stderr)?.[1]);

/** The seeds and three re-encoded variants: eight files, four encodings, two HTML pages. */
function corpus(): string {
  const dir = tmp();
  cpSync(join(repo, "seeds"), dir, { recursive: true });
  for (const f of ["lezhi-gbk.txt", "linan-big5.txt", "yongjia-utf16le.txt"]) cpSync(join(repo, "fixtures/variants", f), join(dir, `variant-${f}`));
  return dir;
}

// one corpus and one output folder, carried from test to test: each run is a few seconds
const input = corpus();
const out = join(tmp(), "out");
const cache = join(out, "..", ".plans-cache", "out");

describe("ingest on worker threads", () => {
  it("parses every file of a corpus in four encodings on more workers than files need", async () => {
    const first = await run("ingest", input, "--out", out, "--jobs", "3", "--times");
    expect(first.status, first.stderr).toBe(0);
    expect(parsedCount(first.stderr)).toBe(8);
    expect(Object.keys(snapshot(out)).length).toBe(4 + 5 + 1); // four counties, five tables, the manifest
  }, 60_000);
  it("refuses a --jobs that is not a whole number from 1 to 64", async () => {
    const r = await run("ingest", input, "--out", join(tmp(), "out"), "--jobs", "0");
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs wants a whole number/);
  });
});

describe("the content-hash cache beside the output folder", () => {
  it("serves unchanged files, reparses a changed or damaged one, keeps no stale entries, and never changes the output", async () => {
    const first = snapshot(out);
    const warm = await run("ingest", input, "--out", out, "--times");
    expect(parsedCount(warm.stderr)).toBe(0);
    expect(snapshot(out)).toEqual(first);

    // one file changes: only it is parsed again, and the result is what a build from scratch gives
    appendFileSync(join(input, "001_2b4fa658977f0053.txt"), "\n附件：无\n");
    const fresh = join(tmp(), "out");
    const [changed, scratch] = await Promise.all([run("ingest", input, "--out", out, "--times"), run("ingest", input, "--out", fresh, "--no-cache")]);
    expect(parsedCount(changed.stderr)).toBe(1);
    expect(scratch.status).toBe(0);
    const expected = snapshot(fresh);
    expect(snapshot(out)).toEqual(expected);
    const entries = () => readdirSync(cache).filter((f) => f !== "index.json");
    expect(entries()).toHaveLength(8); // eight plans, and the changed file's old entry is gone

    // a damaged entry costs a reparse, not a wrong or failed run
    truncateSync(join(cache, entries()[0]!), 10);
    const damaged = await run("ingest", input, "--out", out, "--times");
    expect(damaged.status, damaged.stderr).toBe(0);
    expect(parsedCount(damaged.stderr)).toBe(1);
    expect(snapshot(out)).toEqual(expected);

    // --check reads the cache but writes nothing beside the output
    const before = statSync(join(cache, "index.json")).mtimeMs;
    const check = await run("ingest", input, "--out", out, "--check", "--times");
    expect(check.status, check.stdout).toBe(0);
    expect(parsedCount(check.stderr)).toBe(0);
    expect(statSync(join(cache, "index.json")).mtimeMs).toBe(before);
    expect(readdirSync(out).filter((f) => f.startsWith("."))).toEqual([]);
  }, 60_000);
});
