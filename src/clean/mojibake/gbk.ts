// GBK bytes: what a character's bytes are, what a byte pair decodes to, and which characters a pair
// with one known byte may have been. Every answer is kept per character or byte, since each run asks
// again.
import { iconv } from "../../read/decode/iconv.js";
import { isGarbleMark } from "./marks.js";

/**
 * Private-use code points that GBK decoders (CP936, GB18030-2000) give to byte pairs that
 * GB18030-2005 later assigned to real characters: iconv-lite encodes these code points as four
 * bytes, so their two-byte positions are listed here, as [first code point, last, first byte pair].
 */
const LEGACY_PUA: Array<[number, number, number]> = [
  [0xe76c, 0xe76c, 0xa2e3],
  [0xe78d, 0xe793, 0xa6d9],
  [0xe794, 0xe795, 0xa6ec],
  [0xe796, 0xe796, 0xa6f3],
  [0xe7c7, 0xe7c7, 0xa8bc],
  [0xe7c8, 0xe7c8, 0xa8bf],
  [0xe7e7, 0xe7f3, 0xa989],
  [0xe801, 0xe805, 0xa9f0],
  [0xe815, 0xe843, 0xfe50],
  [0xe844, 0xe864, 0xfe80],
];

const encoded = new Map<string, number>();

/** The two GBK bytes of a character as one number (lead << 8 | trail), or -1 when it has none. */
export function gbkPair(ch: string): number {
  let v = encoded.get(ch);
  if (v === undefined) {
    const b = iconv().encode(ch, "gb18030");
    v = b.length === 2 && b[0] >= 0x81 ? (b[0] << 8) | b[1] : -1;
    if (v < 0 && ch.length === 1) {
      const c = ch.charCodeAt(0);
      for (const [lo, hi, pair] of LEGACY_PUA) if (c >= lo && c <= hi) v = pair + (c - lo);
    }
    encoded.set(ch, v);
  }
  return v;
}

const decoded = new Map<number, number>();

/** The character a GBK byte pair stands for, or -1 when the pair is none. */
export function decodePair(lead: number, trail: number): number {
  const key = (lead << 8) | trail;
  let c = decoded.get(key);
  if (c === undefined) {
    c = -1;
    if (lead >= 0x81 && lead <= 0xfe && trail >= 0x40 && trail <= 0xfe && trail !== 0x7f) {
      const s = iconv().decode(Buffer.from([lead, trail]), "gb18030");
      if (s.length === 1 && s !== "\ufffd") c = s.charCodeAt(0);
    }
    decoded.set(key, c);
  }
  return c;
}

/** The bytes a character of a garbled run stood for; ASCII is read as the full-width form it was
 *  folded from, since a real ASCII byte cannot stand inside a misread run. */
export function runBytes(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c === 0x20) return 0xa1a1;
  if (c > 0x20 && c < 0x7f) return gbkPair(String.fromCharCode(c + 0xfee0));
  return gbkPair(ch);
}

/**
 * Garbles text the way this step undoes it: encoded as GBK, the first byte replaced by "?", the rest
 * decoded one byte out of step, a lead byte followed by an ASCII byte swallowed into one "?".
 */
export function garble(text: string): string {
  const b = iconv().encode(text, "gbk");
  let out = "?";
  let i = 1;
  while (i < b.length) {
    const x = b[i];
    if (x < 0x80) {
      out += String.fromCharCode(x);
      i++;
    } else if (i + 1 < b.length && b[i + 1] >= 0x40 && b[i + 1] !== 0x7f) {
      const c = iconv().decode(Buffer.from([x, b[i + 1]]), "gbk");
      out += c === "\ufffd" ? "?" : c;
      i += 2;
    } else {
      out += "?";
      i += 2;
    }
  }
  return out;
}

/** The characters a byte pair decodes to, garble marks left out, for every lead byte before one
 *  trail byte and every trail byte (from 0x81 or from 0x40) after one lead byte: kept per byte,
 *  and shared as the same array, which picks are remembered by. */
const withTrail = new Map<number, number[]>();
const withLead = new Map<number, number[]>();

function decodable(pairs: Array<[number, number]>): number[] {
  const out: number[] = [];
  for (const [lead, trail] of pairs) {
    const c = decodePair(lead, trail);
    if (c >= 0 && !isGarbleMark(c)) out.push(c);
  }
  return out;
}

/** The characters whose trail byte is `trail`: what a run's first character, its lead byte lost, may be. */
export function leadOptions(trail: number): number[] {
  let out = withTrail.get(trail);
  if (out === undefined) {
    const leads: Array<[number, number]> = [];
    for (let lead = 0x81; lead <= 0xfe; lead++) leads.push([lead, trail]);
    withTrail.set(trail, (out = decodable(leads)));
  }
  return out;
}

/** The characters whose lead byte is `lead`: what a run's last character, its trail byte hidden, may
 *  be; a trail byte the decoder swallowed into a "?" was not ASCII. */
export function trailOptions(lead: number, swallowed: boolean): number[] {
  const key = lead * 2 + (swallowed ? 1 : 0);
  let out = withLead.get(key);
  if (out === undefined) {
    const trails: Array<[number, number]> = [];
    for (let t = swallowed ? 0x81 : 0x40; t <= 0xfe; t++) trails.push([lead, t]);
    withLead.set(key, (out = decodable(trails)));
  }
  return out;
}
