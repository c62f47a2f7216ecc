// The common Han characters, taken from the encodings themselves: GB2312's level-1 block (the 3,755
// most used simplified characters) and Big5's 常用字 block (5,401 traditional ones). A wrong decoding
// scatters into rare characters, so the share of common ones separates right from wrong.
import iconv from "iconv-lite";

let common: Set<number> | null = null;

function build(): Set<number> {
  const set = new Set<number>();
  const add = (enc: string, leadLo: number, leadHi: number, trails: Array<[number, number]>) => {
    const bytes: number[] = [];
    for (let lead = leadLo; lead <= leadHi; lead++)
      for (const [lo, hi] of trails) for (let t = lo; t <= hi; t++) bytes.push(lead, t);
    for (const ch of iconv.decode(Buffer.from(bytes), enc)) {
      const c = ch.codePointAt(0)!;
      if (c >= 0x3400 && c <= 0x9fff) set.add(c);
    }
  };
  add("gb18030", 0xb0, 0xd7, [[0xa1, 0xfe]]);
  add("big5", 0xa4, 0xc6, [[0x40, 0x7e], [0xa1, 0xfe]]);
  return set;
}

export function isCommonHan(codePoint: number): boolean {
  common ??= build();
  return common.has(codePoint);
}

/** Share (0..1) of the Han characters in `text` that are common ones; 0 when there are none. */
export function commonHanShare(text: string): number {
  let han = 0;
  let hit = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0x3400 && c <= 0x9fff) {
      han++;
      if (isCommonHan(c)) hit++;
    }
  }
  return han === 0 ? 0 : hit / han;
}
