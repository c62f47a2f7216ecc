// The bytes of a text or HTML file → text. BOM first, then strict UTF-8, then a choice among GB18030,
// Big5 and UTF-16 made on evidence: jschardet's guess, an HTML <meta charset>, and how much the
// candidate decodings read like real Chinese (the share of their Han characters that are common ones).
import { iconv } from "./iconv.js";
import type { Note } from "../../model.js";
import { refuse, type Refused } from "../result.js";
import { sniffBinaryNoise, sniffNotDocument } from "../sniff.js";
import { commonHanTable } from "./common-han.js";
import { chineseGuess } from "./charset.js";
import { isCjkPunctuationCode, isHanCode } from "../../text/chars.js";
import { note } from "../../notes.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030" | "big5";

export interface Decoded {
  ok: true;
  text: string;
  encoding: Encoding;
  /** how the encoding was decided: "bom", "utf-8", "detected" or "mixed" (UTF-8 with lines in another encoding) */
  method: "bom" | "utf-8" | "detected" | "mixed";
  /** 0..1: 1 for a BOM or valid UTF-8; for a detected encoding, the margin of evidence over the runner-up */
  confidence: number;
  notes: Note[];
}

export type DecodeResult = Decoded | Refused;

const utf8Fatal = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function utf8OrNull(bytes: Uint8Array): string | null {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return null;
  }
}

function isUtf8(bytes: Uint8Array): boolean {
  return utf8OrNull(bytes) !== null;
}

function decodeAs(bytes: Uint8Array, enc: Encoding): string {
  if (enc === "utf-8") return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  return iconv().decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), enc, { stripBOM: false });
}

function bomOf(bytes: Uint8Array): { enc: Encoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { enc: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { enc: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { enc: "utf-16be", length: 2 };
  // GB18030's own BOM (U+FEFF encoded) is rare but unambiguous
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { enc: "gb18030", length: 4 };
  return null;
}

/** The charset an HTML page declares for itself, if any, mapped onto the encodings we decode. */
export function declaredCharset(bytes: Uint8Array): Encoding | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString("latin1");
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return m ? normalizeLabel(m[1]) : null;
}

function normalizeLabel(label: string): Encoding | null {
  const l = label.toLowerCase().replace(/_/g, "-");
  if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn|hz-gb-2312|windows-936)$/.test(l)) return "gb18030";
  if (/^(big5|big5-hkscs|cp950|x-x-big5|windows-950)$/.test(l)) return "big5";
  if (/^utf-?8$/.test(l)) return "utf-8";
  if (/^utf-?16(le)?$/.test(l)) return "utf-16le";
  if (/^utf-?16be$/.test(l)) return "utf-16be";
  return null;
}

/** Scores one candidate decoding: common Han characters and plain ASCII are good; U+FFFD, C0
 *  controls and rare characters are bad. Returns a number in [0, 1]. */
export function readability(text: string): number {
  const table = commonHanTable();
  let good = 0;
  let bad = 0;
  let han = 0;
  let hit = 0;
  // by code unit: every class below lies in the BMP outside the surrogates, so a character outside
  // the BMP counts for nothing either way, as it did when read as a code point
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c < 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) || (c >= 0xe000 && c <= 0xf8ff)) bad += 1;
    else if (c < 0x80) good += 0.3; // ASCII is neutral-good: every encoding gets it right
    // punctuation before Han: 〇 and 々 are both, and read as good whatever their rarity
    else if (isCjkPunctuationCode(c) || (c >= 0x2010 && c <= 0x2027)) good += 1;
    else if (isHanCode(c)) {
      han += 1;
      hit += table[c];
    }
  }
  // the common share of the Han characters times their number, in the order that arithmetic had
  const commonHan = han === 0 ? 0 : (hit / han) * han;
  good += commonHan;
  bad += han - commonHan;
  const total = good + bad;
  return total === 0 ? 0 : good / total;
}

const CANDIDATES: Encoding[] = ["gb18030", "big5", "utf-16le", "utf-16be"];

function detect(bytes: Uint8Array, source: string): Decoded {
  const sample = bytes.subarray(0, 64 * 1024);
  const guess = normalizeLabel(chineseGuess(sample) ?? "");
  const declared = declaredCharset(bytes);
  const decodings = new Map<Encoding, string>();
  const scored = CANDIDATES.map((enc) => {
    const text = decodeAs(sample, enc);
    decodings.set(enc, text);
    let score = readability(text);
    // detector and declaration are evidence, not truth: a nudge that decides near-ties only
    if (enc === guess) score += 0.03;
    if (enc === declared) score += 0.03;
    return { enc, score };
  }).sort((a, b) => b.score - a.score);
  const best = scored[0];
  const notes: Note[] = [];
  if (declared && declared !== best.enc && declared !== "utf-8") {
    notes.push(note("charset-mismatch", source, null, `page declares ${declared} but the bytes read as ${best.enc}`));
  }
  const confidence = Math.max(0, Math.min(1, best.score - scored[1].score + (best.score > 0.9 ? 0.5 : 0)));
  // a file within the sample was decoded whole already
  const text = sample.length === bytes.length ? decodings.get(best.enc)! : decodeAs(bytes, best.enc);
  return { ok: true, text, encoding: best.enc, method: "detected", confidence: round2(confidence), notes };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

/** UTF-8 files into which a paragraph in another encoding was pasted: decode line by line. */
function decodeMixed(bytes: Uint8Array, source: string): Decoded | null {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, Math.min(i + 1, bytes.length)));
      start = i + 1;
    }
  }
  // only a minority of broken lines makes this a UTF-8 file with foreign lines, not a foreign file:
  // counting stops once they are too many, as they are in every file wholly in another encoding
  let bad = 0;
  for (let k = 0; k < lines.length && bad * 5 <= lines.length; k++) if (!isUtf8(lines[k])) bad++;
  if (bad === 0 || bad * 5 > lines.length) return null;
  const notes: Note[] = [];
  const parts = lines.map((l, i) => {
    if (isUtf8(l)) return decodeAs(l, "utf-8");
    const alt = detect(l, source);
    notes.push(note("mixed-encoding", source, i + 1, `line is not UTF-8; decoded as ${alt.encoding}`));
    return alt.text;
  });
  return { ok: true, text: parts.join(""), encoding: "utf-8", method: "mixed", confidence: 0.8, notes };
}

/** Decodes a file's bytes into text, or refuses bytes that are not text. `source` names the file in notes. */
export function decode(bytes: Uint8Array, source: string): DecodeResult {
  const bom = bomOf(bytes);
  if (bom) {
    const text = decodeAs(bytes.subarray(bom.length), bom.enc);
    return { ok: true, text, encoding: bom.enc, method: "bom", confidence: 1, notes: [] };
  }
  const binary = sniffNotDocument(bytes);
  if (binary) return refuse(source, binary.kind, binary.what);
  // strict decoding both tests and decodes: on success its text is what a lenient decoder gives
  const utf8 = utf8OrNull(bytes);
  if (utf8 !== null && !sniffBinaryNoise(bytes)) return { ok: true, text: utf8, encoding: "utf-8", method: "utf-8", confidence: 1, notes: [] };
  // a multi-byte sequence cut off at the very end (an interrupted download) is still UTF-8
  for (let cut = 1; cut <= 3 && cut < bytes.length; cut++) {
    if (isUtf8(bytes.subarray(0, bytes.length - cut))) {
      const lineCount = countLines(bytes);
      return {
        ok: true,
        text: decodeAs(bytes.subarray(0, bytes.length - cut), "utf-8"),
        encoding: "utf-8",
        method: "utf-8",
        confidence: 1,
        notes: [note("truncated", source, lineCount, `dropped ${cut} byte(s) of a multi-byte character cut off at the end of the file`)],
      };
    }
  }
  const mixed = decodeMixed(bytes, source);
  if (mixed) return mixed;
  const detected = detect(bytes, source);
  // noise is judged only after UTF-16 had its chance: its code units spread bytes over the control range
  const noise = detected.encoding.startsWith("utf-16") && readability(detected.text) > 0.8 ? null : sniffBinaryNoise(bytes);
  if (noise) return refuse(source, noise.kind, noise.what);
  return detected;
}

function countLines(bytes: Uint8Array): number {
  let n = 1;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}
