#!/usr/bin/env node
// npm run bench — speed and memory of plans, measured (medians over several runs), not asserted.
//   node test/bench/bench.mjs [--files N] [--runs N] [--quick] [--corpus-only]
// Makes a corpus from the seeds in .bench/ (reproducibly: counties renamed, re-encoded as GBK, Big5
// in traditional characters or UTF-16, some wrapped as HTML pages; 2,800 files, about 150 MB), then
// times cold starts, ingest throughput and peak memory (RSS of the process tree, threads and the
// keyword process included, polled from /proc) at 1/4, 1/2 and the full corpus with 2 workers, the
// full corpus with 1 worker and again from the cache, per-stage times, compare, compare --all, and
// the read stage per input format (formats.mjs). Prints a Markdown table for the README.
import { spawnSync } from "node:child_process";
import { measure as measureIn, median } from "./measure.mjs";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";
import * as OpenCC from "opencc-js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/plans.js");
const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
const quick = args.includes("--quick");
const FILES = opt("--files", quick ? 200 : 2800);
const RUNS = opt("--runs", quick ? 3 : 5);
const work = join(root, ".bench");

// --- measuring ---------------------------------------------------------------------------------

const measure = (cmd, argv, env) => measureIn(cmd, argv, { cwd: root, env });

async function repeat(label, cmd, argv, runs = RUNS, before = () => {}, env = process.env) {
  const ms = [];
  const rss = [];
  for (let i = 0; i < runs; i++) {
    before();
    const r = await measure(cmd, argv, env);
    ms.push(r.ms);
    rss.push(r.rssMB);
  }
  return { label, ms: median(ms), rssMB: median(rss) };
}

// --- the corpus --------------------------------------------------------------------------------

const SURNAME = "安宁平和永兴长丰东南西北华新清泉石山河阳春秋德成嘉禾瑞祥鹤庆临江".split("");
const SUFFIX = ["县", "区", "市"];

/** A county name for file i, unique and stable: two characters and a suffix. */
function countyName(i) {
  const a = SURNAME[i % SURNAME.length];
  const b = SURNAME[Math.floor(i / SURNAME.length) % SURNAME.length];
  const c = SURNAME[Math.floor(i / SURNAME.length ** 2) % SURNAME.length];
  return `${a}${b}${i >= SURNAME.length ** 2 ? c : ""}${SUFFIX[i % 3]}`;
}

function makeCorpus(n) {
  const dir = join(work, `corpus-${n}`);
  if (existsSync(join(dir, ".complete"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
  const seeds = readdirSync(join(root, "seeds"))
    .sort()
    .map((f) => readFileSync(join(root, "seeds", f), "utf8"));
  // each seed names its own county; a renamed copy is another county's plan
  const owners = ["永嘉县", "临安区", "乐至县", "永嘉县", "晋江市"];
  for (let i = 0; i < n; i++) {
    const k = i % seeds.length;
    const name = countyName(i);
    let text = seeds[k].split(owners[k]).join(name).split(owners[k].slice(0, 2)).join(name.slice(0, -1));
    const kind = i % 5;
    let bytes;
    if (kind === 1) bytes = iconv.encode(text.replace(/[\u00a0\u2002\u2003]/g, " "), "gbk");
    else if (kind === 2) bytes = iconv.encode(toTraditional(text), "big5");
    else if (kind === 3) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
    else if (kind === 4) {
      text = `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${name}</title></head><body><div class="nav">首页 | 政务公开</div>\n${text
        .split("\n")
        .filter((l) => l.trim())
        .map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`)
        .join("\n")}\n<div class="footer">网站标识码 123 ICP备 456</div></body></html>`;
      bytes = Buffer.from(text, "utf8");
    } else bytes = Buffer.from(text, "utf8");
    writeFileSync(join(dir, `${String(i).padStart(5, "0")}.${kind === 4 ? "html" : "txt"}`), bytes);
  }
  writeFileSync(join(dir, ".complete"), "");
  return dir;
}

/** An output folder and its cache (kept beside it, in .plans-cache/<name>/): the next run is cold. */
function removeOutput(out) {
  rmSync(out, { recursive: true, force: true });
  rmSync(join(out, "..", ".plans-cache", basename(out)), { recursive: true, force: true });
}

const sizeMB = (dir) => readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0) / 1024 / 1024;

// --- the runs ----------------------------------------------------------------------------------

const rows = [];
const row = (what, r, extra = "") => {
  rows.push(`| ${what} | ${(r.ms / 1000).toFixed(2)} s | ${r.rssMB.toFixed(0)} MB | ${extra} |`);
  process.stderr.write(`${what}: ${(r.ms / 1000).toFixed(2)} s, ${r.rssMB.toFixed(0)} MB ${extra}\n`);
};

mkdirSync(work, { recursive: true });
if (args.includes("--corpus-only")) {
  // make (or find) the corpus and its 1/4 and 1/2 prefixes, and stop: for running plans on it by hand
  for (const fraction of [4, 2, 1]) process.stdout.write(`${makeCorpus(Math.floor(FILES / fraction))}\n`);
  process.exit(0);
}
const node = process.execPath;
row("bare `node` start", await repeat("node", node, ["-e", ""]));
// in a process started as ingest starts its keyword process
const { keywordTunables } = await import(join(root, "dist/dataset/keywords-pool.js"));
const keywordEnv = { ...process.env, GLIBC_TUNABLES: keywordTunables(process.env.GLIBC_TUNABLES) };
row("load nodejieba's dictionaries alone", await repeat("jieba", node, ["-e", 'require("nodejieba").extract("应急管理",1)'], RUNS, () => {}, keywordEnv));
row("load opencc-js alone (t→cn)", await repeat("opencc", node, ["--input-type=module", "-e", 'import * as O from "opencc-js"; O.Converter({from:"t",to:"cn"})("應急")']));
row("load cheerio alone", await repeat("cheerio", node, ["--input-type=module", "-e", 'import * as c from "cheerio"; c.load("<p>x</p>")']));
const seedsOut = join(work, "out-seeds");
row("`plans ingest seeds/` cold (no cache)", await repeat("ingest seeds", node, [bin, "ingest", "seeds", "--out", seedsOut], RUNS, () => removeOutput(seedsOut)));
row("`plans ingest seeds/` again, unchanged (cache)", await repeat("ingest seeds again", node, [bin, "ingest", "seeds", "--out", seedsOut]));
row("`plans compare yongjia linan`", await repeat("compare", node, [bin, "compare", "yongjia", "linan", "--data", seedsOut, "-f", "json"]));

/** A cold ingest of a corpus folder (its output removed first), with the CLI's own stage times. */
async function ingestRun(label, dir, jobs, { cache = false, out = join(work, `out-${label.replace(/\W+/g, "-")}`) } = {}) {
  const mb = sizeMB(dir);
  if (!cache) removeOutput(out);
  try {
    const r = await measure(node, [bin, "ingest", dir, "--out", out, "--jobs", String(jobs), "--times"]);
    row(label, r, `${(mb / (r.ms / 1000)).toFixed(2)} MB/s`);
    return { ...r, out };
  } catch (e) {
    rows.push(`| ${label} | failed | | ${String(e.message).split("\n")[0].slice(0, 80)} |`);
    return null;
  }
}

const full = makeCorpus(FILES);
const fullMB = sizeMB(full);
let stages = "";
for (const fraction of [4, 2, 1]) {
  const n = Math.floor(FILES / fraction);
  const dir = fraction === 1 ? full : makeCorpus(n);
  const r = await ingestRun(`ingest ${n} files, ${sizeMB(dir).toFixed(0)} MB, 2 workers`, dir, 2);
  if (fraction === 1 && r) {
    stages = /per stage, summed over threads[^:]*: (.*)/.exec(r.stderr)?.[1] ?? "";
    // the same corpus again, unchanged: every file comes from the cache
    await ingestRun(`the same ${n} files again, unchanged (from the cache)`, dir, 2, { cache: true, out: r.out });
  }
}
await ingestRun(`ingest ${FILES} files, ${fullMB.toFixed(0)} MB, 1 worker`, full, 1);

// compare --all over a dataset of many counties (made by the script beside this one)
const compareAll = join(root, "test/bench/compare-all.mjs");
let compareRows = "";
if (existsSync(compareAll)) {
  const r = spawnSync(node, [compareAll, "--counties", quick ? "500" : "2000"], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  compareRows = r.status === 0 ? r.stdout.trim() : `compare-all.mjs failed (exit ${r.status})`;
}

// the read stage per input format (PDF, DOCX, DOC beside text and HTML), in ms per MB
const formatsBench = spawnSync(node, [join(root, "test/bench/formats.mjs"), "--runs", String(RUNS)], { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
const formatRows = formatsBench.status === 0 ? formatsBench.stdout.trim() : `formats.mjs failed (exit ${formatsBench.status})`;

const cpu = cpus()[0]?.model ?? "unknown CPU";
console.log(`Measured on ${cpus().length} × ${cpu}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Node ${process.version}; medians of ${RUNS} runs where repeated.\n`);
console.log("| what | wall | peak RSS | notes |\n|---|---|---|---|");
console.log(rows.join("\n"));
if (stages) console.log(`\nPer stage, ${FILES} files with 2 workers, summed over the threads: ${stages}`);
if (compareRows) console.log(`\n${compareRows}`);
console.log(`\nReading each input format (after a first read has loaded its reader):\n\n${formatRows}`);
