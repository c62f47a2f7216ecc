// The word model the repair judges readings by: jieba's dictionary as unigram word probabilities,
// looked up by a pair of hashes that is built up one character at a time as a word grows.
import { createRequire } from "node:module";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { TOKEN, WINDOW } from "./costs.js";

/** A word's hash pair starts from these and grows by nextHashA/nextHashB per code unit. */
export const HASH_A = 0x811c9dc5;
export const HASH_B = 17;
/** The hash pair, FNV-1a and a polynomial hash, extended by one code unit: a false match needs both
 *  to collide. Two functions because returning the pair would allocate in the scorer's hottest loop. */
export const nextHashA = (a: number, code: number): number => Math.imul(a ^ code, 0x01000193);
export const nextHashB = (b: number, code: number): number => (Math.imul(b, 31) + code) | 0;

/** The model as the scorer asks it, millions of times per garbled page: without allocating, hashing a
 *  word again per length, or taking a logarithm per lookup. Words are in simplified code units. */
export interface WordModel {
  /** log-probability of one code unit as a word, or TOKEN.unknown when it is none */
  singleLog(code: number): number;
  /** a conjunction or preposition standing alone (和, 在, 對): no clause ends right after one */
  joinsNext(code: number): boolean;
  /** index of the first word of two or more characters starting with code unit `first`, and
   *  (at first + 1) one past the last: equal when no such word starts with it */
  bucket: Int32Array;
  /** makes the words starting with `first` findable (the lazy part of the index) */
  ensure(first: number): void;
  /** log-probability of the word whose hash pair grew to (a, b), NaN when no word */
  logOf(a: number, b: number): number;
}

/** log2 of the hash table's slots: room for the words of the few thousand first characters a run touches */
const TABLE_BITS = 20;
/** the table is filled to at most this share of its slots, so that probing stays short */
const TABLE_FILL = 0.75;

/** The slot key of a grown hash pair: `a` as unsigned and never 0 (0 marks an empty slot). */
const keyA = (a: number): number => a >>> 0 || 1;

/**
 * Indexes the dictionary by first character and hashes a character's words only when a word starting
 * with it is first looked up: hashing all 350,000 entries up front would cost more than a whole run
 * over a garbled file, which touches a few thousand first characters.
 */
function buildModel(dict: Uint8Array): WordModel {
  const n = dict.length;
  const cap = Math.ceil(n / 6) + 1; // the shortest line, "x 1 n\n", has six bytes
  const starts = new Int32Array(cap);
  const ends = new Int32Array(cap);
  const firsts = new Uint16Array(cap);
  const freqs = new Float64Array(cap);
  const single = new Float64Array(0x10000);
  const joins = new Uint8Array(0x10000);
  let lines = 0;
  let total = 0;
  let i = 0;
  while (i < n) {
    const nl = dict.indexOf(0x0a, i);
    const lineEnd = nl < 0 ? n : nl;
    const sp = dict.indexOf(0x20, i);
    if (sp > i && sp < lineEnd) {
      let f = 0;
      let k = sp + 1;
      while (k < lineEnd && dict[k] >= 0x30 && dict[k] <= 0x39) f = f * 10 + dict[k++] - 0x30;
      const b = dict[i];
      // only words in the BMP's three-byte range matter: Han text never pairs with ASCII entries
      if (f > 0 && b >= 0xe0 && b < 0xf0) {
        const first = ((b & 0x0f) << 12) | ((dict[i + 1] & 0x3f) << 6) | (dict[i + 2] & 0x3f);
        total += f;
        if (sp - i === 3) {
          single[first] += f;
          // a one-letter tag "c" (conjunction) or "p" (preposition)
          const t = dict[k + 1];
          if (dict[k] === 0x20 && (t === 0x63 || t === 0x70) && (k + 2 >= lineEnd || dict[k + 2] === 0x0d)) joins[first] = 1;
        } else if (sp - i <= 3 * WINDOW.maxWord) {
          starts[lines] = i;
          ends[lines] = sp;
          firsts[lines] = first;
          freqs[lines] = f;
          lines++;
        }
      } else total += f;
    }
    i = lineEnd + 1;
  }
  // counting sort of the multi-character words by first character
  const bucket = new Int32Array(0x10001);
  for (let k = 0; k < lines; k++) bucket[firsts[k] + 1]++;
  for (let c = 0; c < 0x10000; c++) bucket[c + 1] += bucket[c];
  const order = new Int32Array(lines);
  const fill = bucket.slice(0, 0x10000);
  for (let k = 0; k < lines; k++) order[fill[firsts[k]]++] = k;

  const logTotal = Math.log(total);
  const size = 1 << TABLE_BITS;
  const mask = size - 1;
  const table = new Uint32Array(size * 3); // hash a, hash b, frequency per slot, side by side for the cache
  const built = new Uint8Array(0x10000);
  let used = 0;
  /** the slot holding the key (a, b), or the empty slot where it would go */
  const slot = (a: number, b: number): number => {
    let s = a & mask;
    while (table[s * 3] !== 0 && (table[s * 3] !== a || table[s * 3 + 1] !== b)) s = (s + 1) & mask;
    return s;
  };
  const build = (first: number): void => {
    built[first] = 1;
    for (let o = bucket[first]; o < bucket[first + 1] && used < size * TABLE_FILL; o++) {
      const k = order[o];
      let a = HASH_A;
      let b = HASH_B;
      let p = starts[k];
      let ok = true;
      while (p < ends[k]) {
        const byte = dict[p];
        if (byte < 0xe0 || byte >= 0xf0) {
          ok = false;
          break;
        }
        const code = ((byte & 0x0f) << 12) | ((dict[p + 1] & 0x3f) << 6) | (dict[p + 2] & 0x3f);
        a = nextHashA(a, code);
        b = nextHashB(b, code);
        p += 3;
      }
      if (!ok) continue;
      const s = slot(keyA(a), b >>> 0);
      if (table[s * 3] === 0) {
        table[s * 3] = keyA(a);
        table[s * 3 + 1] = b >>> 0;
        used++;
      }
      table[s * 3 + 2] = Math.min(0xffffffff, table[s * 3 + 2] + freqs[k]);
      logs[s] = NaN;
    }
  };
  // logarithms are taken once per slot and per character, when first asked for
  const logs = new Float64Array(size).fill(NaN);
  const singleLogs = new Float64Array(0x10000).fill(NaN);
  return {
    bucket,
    ensure(first) {
      if (!built[first]) build(first);
    },
    logOf(a, b) {
      const s = slot(keyA(a), b >>> 0);
      if (table[s * 3] === 0) return NaN;
      let l = logs[s];
      if (l !== l) l = logs[s] = Math.log(table[s * 3 + 2]) - logTotal;
      return l;
    },
    singleLog(code) {
      let l = singleLogs[code];
      if (l !== l) {
        const f = single[code];
        l = singleLogs[code] = f > 0 ? Math.log(f) - logTotal : TOKEN.unknown;
      }
      return l;
    },
    joinsNext: (code) => joins[code] === 1,
  };
}

function dictionaryPath(): string {
  const root = dirname(createRequire(import.meta.url).resolve("nodejieba/package.json"));
  for (const rel of ["submodules/cppjieba/dict/jieba.dict.utf8", "dict/jieba.dict.utf8", "lib/dict/jieba.dict.utf8"]) {
    const p = join(root, rel);
    if (existsSync(p)) return p;
  }
  throw new Error(`mojibake: jieba.dict.utf8 not found under ${root}`);
}

let model: WordModel | null = null;

/** The word model, read from nodejieba's dictionary on first use and kept for the process. */
export function wordModel(): WordModel {
  return (model ??= buildModel(readFileSync(dictionaryPath())));
}
