// read: bytes → the document's text. The format is sniffed from the bytes (never the file's name),
// then read by that format's reader (formats.ts lists them).
import { FORMATS } from "./formats.js";
import type { Read, Refused } from "./result.js";

export type { Format, Read, ReadInfo, Reader, Refused } from "./result.js";

/** Reads a file's bytes into text, or refuses them saying why. `source` names the file in notes
 *  and messages. */
export async function read(bytes: Uint8Array, source: string): Promise<Read | Refused> {
  if (bytes.length === 0) return { ok: false, kind: "empty", message: `${source}: the file is empty` };
  const entry = FORMATS.find((f) => f.sniff(bytes))!;
  return entry.read(bytes, source);
}
