// Global setup: the datasets many test files read, built once for the whole run through the one
// ingest path (dataset/build.ts, from dist/, on worker threads, one keyword process for all): the
// seeds, a few subsets of them, and each variant of fixtures/variants alone. Each goes to a folder
// of its own; tests get the folders with inject("datasets") (see test/datasets.ts).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";

const root = fileURLToPath(new URL("../../", import.meta.url));

export interface Datasets {
  /** name → folder: "seeds", "seeds:002", "seeds:001+002", "variant:lezhi-gbk.txt", … */
  [name: string]: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    datasets: Datasets;
    /** the cache `plans ingest seeds/` keeps beside its output */
    seedCache: string;
    /** the folder the tests make their temporary folders in (test/helpers.ts tmp), removed with
     *  the datasets when the run ends */
    scratch: string;
  }
}

/** The newest modification time of the files under a folder. */
function newest(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    t = Math.max(t, st.isDirectory() ? newest(p) : st.mtimeMs);
  }
  return t;
}

/** The CLI and these builds run from dist/: it must be built from the sources under test. */
function ensureBuilt(): void {
  let built = 0;
  try {
    built = newest(join(root, "dist"));
  } catch {}
  if (built >= newest(join(root, "src"))) return;
  const r = spawnSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.json")], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("tsc failed: the tests run the built CLI");
}

/** The inputs of every set, each once, in rounds in which no two files have the same path or the
 *  same bytes (a build parses one of byte-identical files and lists the others as its duplicates). */
function parseRounds(inputs: Array<{ path: string; read: () => Uint8Array }>): Array<Array<{ path: string; read: () => Uint8Array }>> {
  const rounds: Array<{ files: Array<{ path: string; read: () => Uint8Array }>; keys: Set<string> }> = [];
  const seen = new Set<string>();
  for (const input of inputs) {
    const content = createHash("sha256").update(input.read()).digest("hex");
    if (seen.has(`${input.path}\0${content}`)) continue;
    seen.add(`${input.path}\0${content}`);
    let round = rounds.find((r) => !r.keys.has(content) && !r.keys.has(input.path));
    if (!round) rounds.push((round = { files: [], keys: new Set() }));
    round.files.push(input);
    round.keys.add(content).add(input.path);
  }
  return rounds.map((r) => r.files);
}

export default async function setup(project: TestProject): Promise<() => void> {
  ensureBuilt();
  const { buildDataset } = await import(join(root, "dist/dataset/build.js"));
  const { warmWorkers } = await import(join(root, "dist/dataset/warm.js"));
  const { main } = await import(join(root, "dist/cli.js"));
  const { memorySink } = await import(join(root, "dist/dataset/emit.js"));
  const { memoryCache } = await import(join(root, "dist/dataset/cache.js"));
  const { version } = await import(join(root, "dist/version.js"));
  const seeds = readdirSync(join(root, "seeds")).filter((f) => !f.startsWith(".")).sort();
  const seedFile = (prefix: string) => seeds.find((n) => n.startsWith(prefix))!;
  const file = (dir: string, name: string) => ({ path: name, read: () => readFileSync(join(root, dir, name)) });
  const sets: Record<string, Array<{ path: string; read: () => Uint8Array }>> = {
    seeds: seeds.map((n) => file("seeds", n)),
    "seeds:001": [file("seeds", seedFile("001"))],
    "seeds:002": [file("seeds", seedFile("002"))],
    "seeds:001+002": [file("seeds", seedFile("001")), file("seeds", seedFile("002"))],
  };
  for (const v of ["lezhi-gbk.txt", "linan-big5.txt", "yongjia-utf16le.txt", "linan-page.html", "linan-page-unnumbered.html", "lezhi-unnumbered.txt", "lezhi-garbled.txt"]) sets[`variant:${v}`] = [file("fixtures/variants", v)];
  // fixtures/wild: seed 001 laid out otherwise, each alone; plans of one place told apart
  for (const w of ["w19-linan-layout.txt", "w20-linan-renumbered.txt", "w21-linan-indicators-reordered.txt"]) sets[`wild:${w}`] = [file("fixtures/wild", w)];
  // fixtures/formats: each seed plan as PDF, DOCX or DOC alone; and a folder of every format, with
  // broken files, as a user's downloads
  const FORMAT_CASES = ["linan.docx", "linan.pdf", "linan.doc", "lezhi.docx", "lezhi.pdf", "lezhi.doc", "yongjia.pdf", "jinjiang.pdf"];
  // the same plans as PDFs whose indicator tables have no grid (three rules, rules between rows, none)
  const GRIDLESS = ["linan-rules.pdf", "lezhi-borderless.pdf", "jinjiang-three-line.pdf"];
  // and the plan's web page as a browser prints it (its table cells boxed apart); indicator tables
  // that do not number their rows
  for (const f of [...GRIDLESS, "linan-printed.pdf", "lezhi-unnumbered.docx", "jinjiang-unnumbered.pdf"]) sets[`format:${f}`] = [file("fixtures/formats", f)];
  const download = (dir: string, name: string) => ({ path: `downloads/${name}`, read: () => readFileSync(join(root, dir, name)) });
  // recorded under the same path as in the downloads folder, so that both builds share one parse
  for (const f of FORMAT_CASES) sets[`format:${f}`] = [download("fixtures/formats", f)];
  sets["formats:downloads"] = [
    ...FORMAT_CASES.map((f) => download("fixtures/formats", f)),
    download("fixtures/variants", "linan-page.html"),
    download("fixtures/variants", "lezhi-gbk.txt"),
    ...["broken/truncated.pdf", "broken/encrypted.pdf", "broken/scanned.pdf", "broken/bare-zip.docx", "broken/damaged.doc"].map((f) => download("fixtures/formats", f)),
  ];
  sets["wild:plans"] = ["w24-two-plans-disaster.txt", "w25-two-plans-earthquake.txt", "w02-notice-quoted.txt", "w26-same-name-chongqing.txt", "w01-title-years.txt"].map((w) => file("fixtures/wild", w));

  const base = mkdtempSync(join(tmpdir(), "plans-datasets-"));
  // one keyword process and one set of parse workers for every build, the CLI's included
  const workers = warmWorkers();
  workers.keywords();
  const shared = { keywords: workers.keywords, parsers: workers.parsers };
  // one store of parsed sources for all builds: the subsets of the seeds parse nothing again
  const parsed = new Map();
  const datasets: Datasets = {};
  const build = async (name: string) => {
    const sink = memorySink();
    await buildDataset(sets[name]!, sink, { workers: 1, ...shared, cache: memoryCache(parsed), toolVersion: version });
    const dir = join(base, name.replace(/[^a-z0-9.+-]/gi, "_"));
    mkdirSync(dir);
    for (const [f, content] of sink.files) writeFileSync(join(dir, f), content);
    datasets[name] = dir;
  };
  // the CLI's own cache of the seeds, which tests about what the CLI does with files (not about
  // parsing) give an output folder (see warmCache in test/helpers.ts)
  const warm = join(base, "warm");
  const cli = async () => {
    let said = "";
    const say = { write: (t: string) => (said += t) };
    const args = ["ingest", join(root, "seeds"), "--out", join(warm, "out"), "--quiet"];
    const code = await main({ args, stdin: Readable.from([]), stdout: say, stderr: say, env: process.env, workers });
    if (code !== 0) throw new Error(`plans ${args.join(" ")} for the warm cache exited ${code}:\n${said}`);
  };
  try {
    // every file is parsed once, up front, two workers at a time: a build of one file alone would
    // start a worker of its own and pay for loading the pipeline (2–3 s of CPU each); the builds
    // below then take every source from the store of parsed sources
    for (const round of parseRounds(Object.values(sets).flat())) await buildDataset(round, memorySink(), { workers: 2, ...shared, cache: memoryCache(parsed), toolVersion: version });
    const names = Object.keys(sets);
    const lane = async () => {
      for (let name = names.shift(); name !== undefined; name = names.shift()) await build(name);
    };
    await Promise.all([lane(), lane(), cli()]);
  } finally {
    await workers.close();
  }
  project.provide("datasets", datasets);
  project.provide("seedCache", join(warm, ".plans-cache", "out"));
  const scratch = join(base, "scratch");
  mkdirSync(scratch);
  project.provide("scratch", scratch);
  return () => rmSync(base, { recursive: true, force: true });
}
