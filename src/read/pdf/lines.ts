// Positioned text → lines. A PDF has no lines, only runs of glyphs placed on the page: runs whose
// baselines agree make a line, read left to right, and the gaps between them decide the spaces.
import { CHINESE } from "../../text/chars.js";

/** A run of text as the page places it: x and the baseline y in points, y growing upwards. */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  /** the font size in points (the run's height) */
  size: number;
}

/** One line of a page. */
export interface PageLine {
  text: string;
  x: number;
  right: number;
  /** the baseline */
  y: number;
  size: number;
}

/** Baselines closer than this share a line, in font sizes: sub- and superscripts stay on it. */
const SAME_LINE = 0.45;
/** A gap wider than this, in font sizes, is a space between Chinese words (a wide gap is spacing
 *  the author typed, as in 永嘉县人民政府办公室    2021年12月29日印发); narrower gaps are the
 *  typesetter's spacing around Latin letters and digits. */
export const CJK_SPACE = 0.8;
/** Between two Latin letters or digits any visible gap is a word space. */
const LATIN_SPACE = 0.15;

const WORD_CHAR = /[A-Za-z0-9]/;

/** One space between a Chinese character and a Latin letter or digit: typed to make the gap a
 *  typesetter puts there, which Chinese text does not have. Wider gaps stay, and so does a space
 *  after a sentence's end, which no typesetter adds: it parts sentences run together on one line
 *  (“…职能。 9.应急评估…”, a box's items as a web page prints them). */
const CJK_THEN_LATIN = new RegExp(`(?<=[${CHINESE}])(?<![。！？；])[ ](?=[A-Za-z0-9])`, "gu");
const LATIN_THEN_CJK = new RegExp(`(?<=[A-Za-z0-9%‰])[ ](?=[${CHINESE}])`, "gu");
/** The same after a number that follows Chinese text; a number starting a line of text is kept
 *  apart (a table number: "1  晋江市…核心指标"), unlike one starting a table cell ("2025 年目标"). */
const LATIN_IN_CJK = new RegExp(`(?<=[${CHINESE}][A-Za-z0-9.]*[A-Za-z0-9%‰])[ ](?=[${CHINESE}])`, "gu");

const WIDE_GAP = "\u0000";

export function dropAutospace(text: string, inCell: boolean): string {
  return text.replace(CJK_THEN_LATIN, "").replace(inCell ? LATIN_THEN_CJK : LATIN_IN_CJK, "");
}

/** Whether a space stands between two pieces of text `gap` points apart (size: the font size). */
export function spaceBetween(left: string, right: string, gap: number, size: number): boolean {
  if (left === "" || right === "" || /\s$/.test(left) || /^\s/.test(right)) return false;
  const a = left[left.length - 1];
  const b = right[0];
  if (WORD_CHAR.test(a) && WORD_CHAR.test(b)) return gap > LATIN_SPACE * size;
  return gap > CJK_SPACE * size;
}

/** The runs that print text, grouped by the line they stand on, top to bottom (a group is in x
 *  order only as far as the sort by height left it). */
export function lineGroups(runs: readonly Run[]): Run[][] {
  const sorted = runs.filter((r) => r.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Run[][] = [];
  for (const r of sorted) {
    const g = groups[groups.length - 1];
    if (g && Math.abs(g[0].y - r.y) <= SAME_LINE * Math.max(g[0].size, r.size)) g.push(r);
    else groups.push([r]);
  }
  return groups;
}

/** Groups runs into lines, top to bottom, each read left to right. Whitespace runs only space.
 *  `inCell`: the runs are a table cell's (see dropAutospace). */
export function toLines(runs: readonly Run[], inCell = false): PageLine[] {
  return lineGroups(runs).map((g) => lineOf(g, inCell));
}

function lineOf(runs: Run[], inCell: boolean): PageLine {
  runs.sort((a, b) => a.x - b.x);
  let text = "";
  let end = -Infinity;
  let size = 0;
  for (const r of runs) {
    const piece = r.text.replace(/\s+/g, " ");
    // a gap wide enough to be a space is kept through dropAutospace as a mark of its own
    if (text !== "" && spaceBetween(text, piece, r.x - end, r.size)) text += WIDE_GAP;
    text += text === "" ? piece.trimStart() : piece;
    end = Math.max(end, r.x + r.width);
    size = Math.max(size, r.size);
  }
  // the line's baseline is its main text's, not a superscript's
  const main = runs.reduce((a, b) => (b.text.length > a.text.length ? b : a));
  return { text: dropAutospace(text.trimEnd(), inCell).replaceAll(WIDE_GAP, " "), x: runs[0].x, right: end, y: main.y, size };
}
