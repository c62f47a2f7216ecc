// Where a garbled run can end. A run starts at a lost-byte mark and goes on while its characters
// have GBK bytes; the misreading ends at the first trail byte in ASCII range (a stray letter) or at a
// "?" that swallowed a byte, or the run meets the end of the line: each is one reading.
import { WINDOW } from "./costs.js";
import { runBytes } from "./gbk.js";
import { isLostMark } from "./marks.js";

/** One reading of where a garbled run ends and how. */
export interface Reading {
  /** index just past the run's last character in the line */
  end: number;
  /** the bytes of the garbled characters, in order: bytes[0, length), the array shared by all the
   *  readings of a run (each is a prefix of the longest) */
  bytes: number[];
  length: number;
  /** the last original character's trail byte when the run ended on it; -1 when it is hidden */
  trail: number;
  /** the run ended in a "?" that swallowed the byte after it */
  swallowed: boolean;
}

/** Every way a run that starts with the lost-byte mark at `at` can end. */
export function readings(text: string, at: number): Reading[] {
  const out: Reading[] = [];
  const bytes: number[] = [];
  let i = at + 1;
  for (; i < text.length && i - at <= WINDOW.maxRun; i++) {
    const ch = text[i];
    const c = text.charCodeAt(i);
    if (bytes.length > 0) {
      // a trail byte in ASCII range ends the misreading and shows as itself, as may a "?"
      if (c >= 0x40 && c < 0x7f) out.push({ end: i + 1, bytes, length: bytes.length, trail: c, swallowed: false });
      if (isLostMark(ch)) out.push({ end: i + 1, bytes, length: bytes.length, trail: -1, swallowed: true });
    }
    const pair = runBytes(ch);
    if (pair < 0) break;
    bytes.push(pair >> 8, pair & 0xff);
  }
  // the run met the end of the line or a character GBK cannot hold: its last lead byte dangles
  if (bytes.length > 0) out.push({ end: i, bytes, length: bytes.length, trail: -1, swallowed: false });
  return out;
}
