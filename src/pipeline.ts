// The pure front of the pipeline for one file: bytes → read text → clean lines. Shared by
// `plans inspect` and `plans ingest`; it reads no file itself.
import { clean, type Cleaned } from "./clean/index.js";
import { read, type Read, type Refused } from "./read/index.js";
import { placesOf, type TextPlaces } from "./read/places.js";

export interface Prepared {
  ok: true;
  path: string;
  read: Read;
  cleaned: Cleaned;
  /** where the read text's lines stand (text or not, page), for the facts' `at` */
  places: TextPlaces;
}

/** `times`, when given, gets the milliseconds of each stage added to it (for --times and the bench). */
export async function prepare(bytes: Uint8Array, path: string, times?: { read: number; clean: number }): Promise<Prepared | Refused> {
  let t = performance.now();
  const r = await read(bytes, path);
  if (times) times.read += performance.now() - t;
  if (!r.ok) return r;
  t = performance.now();
  const cleaned = clean(r.text, path);
  if (times) times.clean += performance.now() - t;
  cleaned.notes.unshift(...r.notes);
  return { ok: true, path, read: r, cleaned, places: placesOf(r) };
}
