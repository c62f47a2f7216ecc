// What GBK read one byte out of step leaves in text: the marks that show a line is worth a look.

/** Characters that never stand in a Chinese plan but are what a misread GBK byte pair gives:
 *  private-use characters, bopomofo, U+FFFD. */
export const isGarbleMark = (c: number): boolean => (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x3105 && c <= 0x3129) || c === 0xfffd;

/** What a lost byte leaves: the ASCII question mark, its full-width form, or U+FFFD. */
export const isLostMark = (ch: string | undefined): boolean => ch === "?" || ch === "？" || ch === "\ufffd";

/** A cheap test for a line worth a closer look, needing no dictionary: a garble mark, or a
 *  lost-byte mark against non-ASCII text. */
export function looksGarbled(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isGarbleMark(c)) return true;
    if (isLostMark(text[i])) {
      const next = text.charCodeAt(i + 1);
      const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
      if (next > 0x7f || (next > 0x20 && next < 0x7f && prev > 0x7f)) return true;
    }
  }
  return false;
}

/** Whether text[from, to) holds a garble mark: evidence no score can argue with. */
export function hasGarbleMark(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (isGarbleMark(text.charCodeAt(k))) return true;
  return false;
}
