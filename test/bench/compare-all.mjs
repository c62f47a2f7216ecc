#!/usr/bin/env node
// `plans compare --all` on many counties: speed and peak memory per output format, measured (not
// asserted).
//   node test/bench/compare-all.mjs [--counties N] [--runs N] [--timeout S]
// Builds .bench/dataset-<N>/ reproducibly from a real dataset (.bench/out-seeds, ingested from seeds/
// first when missing): its county documents cloned into N counties with their own slug, name and
// title, and, from a seeded PRNG, some targets changed, some tasks and projects dropped and a few
// indicators the catalog does not know added, so that no two clones are alike and the similarity
// pairing of unknown names has work to do. Then times `plans compare --all -f <format>` for every
// format. Rows of a Markdown table (| what | wall | peak RSS | notes |) go to stdout, talk to stderr;
// test/bench/bench.mjs can run this script or import buildDataset / benchCompareAll.
import { spawnSync } from "node:child_process";
import { measure as measureIn, median } from "./measure.mjs";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const bin = join(root, "bin/plans.js");
const work = join(root, ".bench");
export const FORMATS = ["json", "csv", "table", "md", "html"];

// --- the dataset -------------------------------------------------------------------------------

/** mulberry32: a small PRNG, so that the same seed gives the same dataset on every machine. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// county names from these characters, and slugs from their pinyin, as ingest would make them
const SYLLABLES = [
  ["安", "an"], ["宁", "ning"], ["平", "ping"], ["和", "he"], ["永", "yong"], ["兴", "xing"], ["长", "chang"], ["丰", "feng"],
  ["东", "dong"], ["南", "nan"], ["西", "xi"], ["北", "bei"], ["华", "hua"], ["新", "xin"], ["清", "qing"], ["泉", "quan"],
  ["石", "shi"], ["山", "shan"], ["河", "he"], ["阳", "yang"], ["春", "chun"], ["秋", "qiu"], ["德", "de"], ["成", "cheng"],
  ["嘉", "jia"], ["禾", "he"], ["瑞", "rui"], ["祥", "xiang"], ["鹤", "he"], ["庆", "qing"], ["临", "lin"], ["江", "jiang"],
];
const SUFFIX = ["县", "区", "市", "县"];

/**
 * County i's name and slug, distinct for every i: two or three characters in base 32, then a suffix.
 * Pinyin is ambiguous (和, 河, 禾 and 鹤 are all "he"), so the slug carries i's number too.
 */
function countyOf(i) {
  const n = SYLLABLES.length;
  const digits = [i % n, Math.floor(i / n) % n];
  if (i >= n * n) digits.push(Math.floor(i / (n * n)) % n);
  const place = digits.map((d) => SYLLABLES[d][0]).join("");
  const slug = `${digits.map((d) => SYLLABLES[d][1]).join("")}-${String(i).padStart(4, "0")}`;
  return { place, county: place + SUFFIX[i % SUFFIX.length], slug };
}

// indicators no catalog entry knows, as counties print them: near-duplicates across counties
const LOCAL_INDICATORS = [
  "应急避难场所建设数量", "应急物资储备库建设数量", "省级综合减灾示范社区创建数量", "基层应急管理规范化建设达标率",
  "乡镇应急消防站覆盖率", "企业安全生产标准化达标率", "危化品企业重大危险源在线监测率", "灾害信息员配备率",
  "应急广播覆盖率", "避灾安置场所人均面积", "森林防火通道密度", "地质灾害隐患点监测预警覆盖率",
];
const VARIANTS = ["", "（%）", "（个）", "〔年均〕", "数"];

const place = (county) => county.replace(/[县区市]$/u, "");

function perturbValue(v, factor) {
  if (!v || v.value === null || v.value === 0) return v;
  const value = Number((v.value * factor).toPrecision(3));
  const printed = String(v.value);
  return { ...v, value, raw: v.raw.includes(printed) ? v.raw.replace(printed, String(value)) : v.raw };
}

/** Clone i of a real document: renamed, with targets, tasks, projects and indicators varied (test/compare/many.test.ts uses it too). */
export function cloneDocument(doc, i) {
  const rand = prng(0x5eed + i * 7919);
  const { place: newPlace, county, slug } = countyOf(i);
  const d = structuredClone(doc);
  d.slug = slug;
  d.county = county;
  d.title = d.title.split(doc.county).join(county).split(place(doc.county)).join(newPlace);
  if (d.issuer) d.issuer = d.issuer.split(place(doc.county)).join(newPlace);
  d.sources = d.sources.map((s) => ({ ...s, path: `synthetic/${slug}/${s.path}` }));
  for (const ind of d.indicators) if (ind.target && rand() < 0.3) ind.target = perturbValue(ind.target, [0.5, 0.8, 1.2, 1.5][Math.floor(rand() * 4)]);
  for (const c of d.chapters) {
    if (c.role !== "tasks") continue;
    c.items = c.items.filter(() => rand() >= 0.15);
    for (const s of c.sections) s.items = s.items.filter(() => rand() >= 0.15);
  }
  d.projects = d.projects.filter(() => rand() >= 0.2);
  const extra = Math.floor(rand() * 3);
  for (let k = 0; k < extra; k++) {
    const name = LOCAL_INDICATORS[Math.floor(rand() * LOCAL_INDICATORS.length)] + VARIANTS[Math.floor(rand() * VARIANTS.length)];
    const value = 50 + Math.floor(rand() * 50);
    d.indicators.push({
      table: null, period: "14th", no: d.indicators.length + 1, category: null, name, canonicalId: null, unit: "%",
      baseline: null, target: { raw: `${value}%`, op: null, value, unit: "%", change: null, fiveYearAverage: false },
      nature: rand() < 0.5 ? "expected" : "binding", department: null,
    });
  }
  return d;
}

function ensureSeedsDataset(say) {
  const out = join(work, "out-seeds");
  if (existsSync(join(out, "manifest.json"))) return out;
  say(`compare-all: ingesting seeds/ into ${out}`);
  const r = spawnSync(process.execPath, [bin, "ingest", "seeds", "--out", out], { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`plans ingest seeds failed (${r.status}): ${r.stderr}`);
  return out;
}

/**
 * .bench/dataset-<n>/: n county documents and a manifest in ingest's format (no CSVs: compare reads
 * none). Built once; a `.complete` marker says the folder is whole.
 */
export function buildDataset(n, say = (s) => process.stderr.write(s + "\n")) {
  const dir = join(work, `dataset-${n}`);
  if (existsSync(join(dir, ".complete"))) return dir;
  const seeds = ensureSeedsDataset(say);
  const manifest = JSON.parse(readFileSync(join(seeds, "manifest.json"), "utf8"));
  const bases = manifest.documents.map((e) => JSON.parse(readFileSync(join(seeds, e.file), "utf8")));
  say(`compare-all: building ${dir} (${n} counties from ${bases.length} documents)`);
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const docs = [];
  for (let i = 0; i < n; i++) {
    const d = cloneDocument(bases[i % bases.length], i);
    writeFileSync(join(tmp, `${d.slug}.json`), JSON.stringify(d, null, 2) + "\n");
    docs.push(d);
  }
  docs.sort((a, b) => (a.slug < b.slug ? -1 : 1));
  const inputs = docs
    .flatMap((d) => d.sources.map((s) => ({ path: s.path, sha256: s.sha256, bytes: s.bytes, encoding: s.encoding, document: d.slug, status: "ok" })))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const out = {
    schemaVersion: manifest.schemaVersion,
    tool: manifest.tool,
    documents: docs.map((d) => ({ slug: d.slug, county: d.county, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) })),
    inputs,
  };
  writeFileSync(join(tmp, "manifest.json"), JSON.stringify(out, null, 2) + "\n");
  writeFileSync(join(tmp, ".complete"), "");
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return dir;
}

// --- measuring ---------------------------------------------------------------------------------

const measure = (argv, timeoutMs) => measureIn(process.execPath, argv, { cwd: root, timeoutMs });

/** Times `plans compare --all` per format; returns Markdown table rows. */
export async function benchCompareAll({ counties = 2000, runs = 1, timeout = Infinity, formats = FORMATS, say = (s) => process.stderr.write(s + "\n") } = {}) {
  const dir = buildDataset(counties, say);
  const rows = [];
  for (const format of formats) {
    const ms = [];
    const rss = [];
    try {
      for (let r = 0; r < runs; r++) {
        const m = await measure([bin, "compare", "--all", "--data", dir, "-f", format], timeout * 1000);
        ms.push(m.ms);
        rss.push(m.rssMB);
      }
      const what = `\`plans compare --all -f ${format}\`, ${counties} counties`;
      say(`${what}: ${(median(ms) / 1000).toFixed(2)} s, ${median(rss).toFixed(0)} MB`);
      rows.push(`| ${what} | ${(median(ms) / 1000).toFixed(2)} s | ${median(rss).toFixed(0)} MB | ${runs > 1 ? `median of ${runs}` : ""} |`);
    } catch (e) {
      say(String(e.message));
      const what = `| \`plans compare --all -f ${format}\`, ${counties} counties |`;
      rows.push(e.timedOut ? `${what} > ${timeout} s | > ${e.rssMB.toFixed(0)} MB | killed after ${timeout} s |` : `${what} failed | | ${String(e.message).split("\n")[0].slice(0, 80)} |`);
    }
  }
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const opt = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback);
  const rows = await benchCompareAll({ counties: opt("--counties", 2000), runs: opt("--runs", 1), timeout: opt("--timeout", Infinity) });
  console.log(rows.join("\n"));
}
