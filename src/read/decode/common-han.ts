// The common Han characters, taken from the encodings themselves: GB2312's level-1 block (the 3,755
// most used simplified characters) and Big5's 常用字 block (5,401 traditional ones). A wrong decoding
// scatters into rare characters, so the share of common ones separates right from wrong.
import { iconv } from "./iconv.js";
import { isHanCode } from "../../text/chars.js";

// one flag per BMP code unit: looked up for every Han character of every candidate decoding
let common: Uint8Array | null = null;

function build(): Uint8Array {
  const set = new Uint8Array(0x10000);
  const add = (enc: string, leadLo: number, leadHi: number, trails: Array<[number, number]>) => {
    const bytes: number[] = [];
    for (let lead = leadLo; lead <= leadHi; lead++)
      for (const [lo, hi] of trails) for (let t = lo; t <= hi; t++) bytes.push(lead, t);
    for (const ch of iconv().decode(Buffer.from(bytes), enc)) {
      const c = ch.codePointAt(0)!;
      if (c < 0x10000 && isHanCode(c)) set[c] = 1;
    }
  };
  add("gb18030", 0xb0, 0xd7, [[0xa1, 0xfe]]);
  add("big5", 0xa4, 0xc6, [[0x40, 0x7e], [0xa1, 0xfe]]);
  return set;
}

/** The common-Han flags by code unit (Han is in the BMP, so a code unit is a code point here). */
export function commonHanTable(): Uint8Array {
  return (common ??= build());
}
