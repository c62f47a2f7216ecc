// The pure front of the pipeline for one file: bytes → decoded text → clean lines. Shared by
// `plans inspect` and `plans ingest`; it reads nothing itself.
import { clean, type Cleaned } from "./clean/index.js";
import { decode, type Decoded, type Refused } from "./decode/index.js";

export interface Prepared {
  ok: true;
  path: string;
  decoded: Decoded;
  cleaned: Cleaned;
}

/** `times`, when given, gets the milliseconds of each stage added to it (for --times and the bench). */
export function prepare(bytes: Uint8Array, path: string, times?: { decode: number; clean: number }): Prepared | Refused {
  let t = performance.now();
  const decoded = decode(bytes, path);
  if (times) times.decode += performance.now() - t;
  if (!decoded.ok) return decoded;
  t = performance.now();
  const cleaned = clean(decoded.text, path);
  if (times) times.clean += performance.now() - t;
  cleaned.notes.unshift(...decoded.notes);
  return { ok: true, path, decoded, cleaned };
}
