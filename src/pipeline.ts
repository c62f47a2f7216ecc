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

export function prepare(bytes: Uint8Array, path: string): Prepared | Refused {
  const decoded = decode(bytes, path);
  if (!decoded.ok) return decoded;
  const cleaned = clean(decoded.text, path);
  cleaned.notes.unshift(...decoded.notes);
  return { ok: true, path, decoded, cleaned };
}
