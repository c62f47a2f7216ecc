// iconv-lite, loaded at the first bytes decoded (or text encoded) in an encoding other than UTF-8:
// a parse worker given only UTF-8 files with no garbled text never needs it, and loading it with the
// pipeline cost every worker's start some 30 ms of CPU.
import { createRequire } from "node:module";
import type Iconv from "iconv-lite";

let loaded: typeof Iconv | null = null;

export function iconv(): typeof Iconv {
  return (loaded ??= createRequire(import.meta.url)("iconv-lite") as typeof Iconv);
}
