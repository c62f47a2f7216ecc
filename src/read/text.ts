// The text reader: a plain-text file decoded (see decode/) and taken line for line as it stands.
import { decode } from "./decode/index.js";
import type { Format, Read, Reader, Refused } from "./result.js";

/** The decoded bytes as a Read of the given format; text and HTML are read alike. */
export function decodedAs(format: Format, bytes: Uint8Array, source: string): Read | Refused {
  const d = decode(bytes, source);
  if (!d.ok) return d;
  return { ok: true, format, encoding: d.encoding, method: d.method, confidence: d.confidence, text: d.text, info: {}, notes: d.notes };
}

export const readText: Reader = async (bytes, source) => decodedAs("text", bytes, source);
