// jschardet's guess among the encodings we decode, computed as jschardet.detect computes it but without
// its most expensive part. The guess only nudges GB18030 or Big5 (decode/index.ts), so all that matters
// is whether jschardet would name GB2312 or Big5. Those come from its multi-byte probers, which run as
// they are; what they compete against is the single-byte probers (Cyrillic, Greek, Hebrew, Thai …),
// which jschardet runs as fifteen passes over the text as a string, each with a regular-expression
// filter of its own. Here they are counted from the text's byte pairs once, with jschardet's own
// models and the same arithmetic, so their confidences come out the same to the last bit; and they
// are only counted at all when a multi-byte guess is there for them to beat.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

/** A part of jschardet, loaded when a file first needs its encoding guessed: a run of UTF-8 files
 *  never does, and jschardet's entry point loads every prober's tables (some 50 ms of a worker's
 *  start). */
function jschardetPart<T>(path: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= require(path) as T);
}

interface SbModel {
  charToOrderMap: ArrayLike<number>;
  precedenceMatrix: ArrayLike<number>;
  mTypicalPositiveRatio: number;
  keepEnglishLetter: boolean;
}
interface Prober {
  feed(buf: string): number;
  getCharsetName(): string | null;
  getConfidence(): number;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
const jschardet = jschardetPart<{ detect(bytes: Buffer): { encoding: string | null } }>("jschardet");
const MBCSGroupProber = jschardetPart<new () => Prober>("jschardet/src/mbcsgroupprober.js");
const SBCSGroupProber = jschardetPart<new () => any>("jschardet/src/sbcsgroupprober.js");
const Latin1Prober = jschardetPart<new () => Prober>("jschardet/src/latin1prober.js");
const FOUND_IT = 1;

// the single-byte probers exactly as jschardet's group holds them: its HebrewProber only names the
// Hebrew pair and is itself never the best (its confidence is 0), so only the model probers count
interface SbProber {
  order: Uint8Array;
  matrix: Uint8Array;
  ratio: number;
  keepLetters: boolean;
  reversed: boolean;
}
let sbProbers: SbProber[] | null = null;

function singleByteProbers(): SbProber[] {
  if (sbProbers) return sbProbers;
  const group = new (SBCSGroupProber())();
  sbProbers = [];
  for (const p of group._mProbers as any[]) {
    if (!p._mModel) continue; // the HebrewProber
    const m = p._mModel as SbModel;
    sbProbers.push({
      order: Uint8Array.from(m.charToOrderMap as ArrayLike<number>),
      matrix: Uint8Array.from(m.precedenceMatrix as ArrayLike<number>),
      ratio: m.mTypicalPositiveRatio,
      keepLetters: m.keepEnglishLetter,
      reversed: p._mReversed === true,
    });
  }
  return sbProbers;
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const SAMPLE_SIZE = 64;
const SYMBOL_CAT_ORDER = 250;
const POSITIVE_CAT = 3;

/** Byte and byte-pair counts of a byte sequence, the pairs as a list of the distinct ones. */
interface Counts {
  single: Float64Array;
  pairKeys: Int32Array;
  pairCounts: Int32Array;
  pairs: number;
}

const pairSlot = new Int32Array(0x10000).fill(-1);

function count(bytes: Uint8Array, length: number): Counts {
  const single = new Float64Array(256);
  const pairKeys = new Int32Array(Math.min(length, 0x10000));
  const pairCounts = new Int32Array(Math.min(length, 0x10000));
  let pairs = 0;
  for (let i = 0; i < length; i++) {
    const c = bytes[i];
    single[c]++;
    if (i === 0) continue;
    const key = (bytes[i - 1] << 8) | c;
    let s = pairSlot[key];
    if (s < 0) {
      s = pairSlot[key] = pairs++;
      pairKeys[s] = key;
    }
    pairCounts[s]++;
  }
  for (let s = 0; s < pairs; s++) pairSlot[pairKeys[s]] = -1;
  return { single, pairKeys, pairCounts, pairs };
}

const isLetter = (b: number): boolean => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** What `replace(/[A-Za-z]+/g, " ")` leaves of the bytes, into `out`; returns its length. */
function withoutLetters(bytes: Uint8Array, out: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (isLetter(b)) {
      if (i === 0 || !isLetter(bytes[i - 1])) out[n++] = 0x20;
    } else out[n++] = b;
  }
  return n;
}

/** SBCSGroupProber's confidence after one feed: the best of its single-byte probers still in the
 *  running, 0 when none has any (then jschardet leaves the group out of its results). */
export function singleByteConfidence(bytes: Uint8Array): number {
  const filtered = new Uint8Array(bytes.length);
  const counts = { raw: null as Counts | null, filtered: null as Counts | null };
  let best = 0;
  for (const p of singleByteProbers()) {
    const c = p.keepLetters ? (counts.raw ??= count(bytes, bytes.length)) : (counts.filtered ??= count(filtered, withoutLetters(bytes, filtered)));
    let totalChar = 0;
    let freqChar = 0;
    for (let b = 0; b < 256; b++) {
      const o = p.order[b];
      if (o < SYMBOL_CAT_ORDER) totalChar += c.single[b];
      if (o < SAMPLE_SIZE) freqChar += c.single[b];
    }
    let totalSeqs = 0;
    let positive = 0;
    for (let s = 0; s < c.pairs; s++) {
      const last = p.order[c.pairKeys[s] >> 8];
      const order = p.order[c.pairKeys[s] & 0xff];
      if (order >= SAMPLE_SIZE || last >= SAMPLE_SIZE) continue;
      totalSeqs += c.pairCounts[s];
      const cat = p.reversed ? p.matrix[order * SAMPLE_SIZE + last] : p.matrix[last * SAMPLE_SIZE + order];
      if (cat === POSITIVE_CAT) positive += c.pairCounts[s];
    }
    // SingleByteCharSetProber.getConfidence, operation for operation
    let r = 0.01;
    if (totalSeqs > 0) {
      r = (1.0 * positive) / totalSeqs / p.ratio;
      r *= freqChar / totalChar;
      if (r >= 1.0) r = 0.99;
    }
    // after a feed of over 1024 pairs, a prober under 0.05 drops out of the group
    if (totalSeqs > 1024 && r < 0.05) continue;
    if (best < r) best = r;
  }
  return best;
}

const BOMS = [[0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff], [0x00, 0x00, 0xfe, 0xff], [0x00, 0x00, 0xff, 0xfe]];

/**
 * jschardet.detect(bytes).encoding as far as it can name GB18030 or Big5: the same name when that is
 * "GB2312" or "Big5" (or anything jschardet itself answered), null for the names that cannot. Input
 * that starts with a byte-order mark or has no byte over 0x7f, where jschardet runs no single-byte
 * prober (but may answer HZ-GB-2312), is handed to jschardet itself.
 */
export function chineseGuess(bytes: Uint8Array): string | null {
  const chinese = (name: string | null | undefined) => (name === "GB2312" || name === "Big5" ? name : null);
  const highByte = bytes.some((b) => b >= 0x80);
  if (bytes.length === 0 || !highByte || BOMS.some((bom) => bom.every((b, i) => bytes[i] === b))) {
    return jschardet().detect(Buffer.from(bytes)).encoding ?? null;
  }
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("binary");
  // UniversalDetector.feed: the multi-byte group first, done when it is sure
  const mb = new (MBCSGroupProber())();
  if (mb.feed(text) === FOUND_IT) return chinese(mb.getCharsetName());
  // UniversalDetector.close: names before confidences, as it asks them
  const name = chinese(mb.getCharsetName());
  const confidence = mb.getConfidence();
  // nothing else can make the answer GB2312 or Big5; the 0.2 is its minimum threshold
  if (name === null || confidence < 0.2) return null;
  const latin1 = new (Latin1Prober())();
  if (latin1.feed(text) === FOUND_IT) return null;
  latin1.getCharsetName();
  // sorted by confidence, ties keeping their order, the multi-byte group first: it wins on ties
  if (latin1.getConfidence() > confidence) return null;
  if (singleByteConfidence(bytes) > confidence) return null;
  return name;
}
