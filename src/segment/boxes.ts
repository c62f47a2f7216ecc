// 专栏 boxes: a caption line "专栏N：title" followed by numbered entries (and their continuation lines).
// A box ends at a chapter or section heading, at the next box, or at a numbered line that does not
// continue its numbering. Boxes of indicators are left to the indicator tables.
import type { Line } from "../model.js";
import { BOX_RE, CHAPTER_RE, ITEM_RE, NUMBERED_HEADING, SECTION_RE } from "../text/headings.js";

export interface BoxEntry {
  no: number;
  /** the entry's text, continuation lines joined */
  text: string;
  index: number;
  line: number;
  /** the entry's line and its continuation lines */
  from: Line[];
}

export interface Box {
  title: string;
  /** index of the caption line in the lines */
  index: number;
  end: number;
  entries: BoxEntry[];
  /** text of the box that is not a numbered entry */
  text: string;
  /** the caption's line and the lines of that text */
  from: Line[];
}

export function findBoxes(lines: Line[], skip: Set<number>): Box[] {
  const boxes: Box[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i)) continue;
    const m = BOX_RE.exec(lines[i].text);
    if (!m || /指标/.test(m[2])) continue;
    const box: Box = { title: m[2].replace(/[。\s]+$/u, ""), index: i, end: i, entries: [], text: "", from: [lines[i]] };
    const loose: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const t = lines[j].text;
      if (skip.has(j) || BOX_RE.test(t) || CHAPTER_RE.test(t) || SECTION_RE.test(t) || NUMBERED_HEADING.test(t)) break;
      const it = ITEM_RE.exec(t);
      const last = box.entries[box.entries.length - 1];
      if (it && Number(it[1]) === (last?.no ?? 0) + 1) {
        box.entries.push({ no: Number(it[1]), text: it[2], index: j, line: lines[j].line, from: [lines[j]] });
        continue;
      }
      if (it && last) break; // a numbered line that does not continue the box: the body resumes
      if (last) {
        last.text += "\n" + t;
        last.from.push(lines[j]);
      } else {
        loose.push(t);
        box.from.push(lines[j]);
      }
    }
    box.end = j - 1;
    box.entries = box.entries.flatMap(splitRunTogether);
    box.text = loose.join("\n");
    boxes.push(box);
    i = j - 1;
  }
  return boxes;
}

/**
 * Entries run together in one paragraph (a PDF laid out as printed wraps a box's entries into its
 * lines: "…相关信息。2.两网建设：…"): each next number that follows a sentence end starts the next
 * entry. A line break inside an entry that is no sentence end was the box's wrapping, and goes.
 */
function splitRunTogether(entry: BoxEntry): BoxEntry[] {
  // each entry's span of the run's text (whose k-th line is entry.from[k]), found as it is read
  const spans: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (let no = entry.no + 1; ; no++) {
    const next = new RegExp(`(?<=[。；;])\\s*${no}[.．、](?!\\d)\\s*`, "u").exec(entry.text.slice(start));
    if (!next) break;
    spans.push({ start, end: start + next.index });
    start += next.index + next[0].length;
  }
  if (spans.length === 0) return [entry];
  spans.push({ start, end: entry.text.length });
  const lineAt = (offset: number) => entry.text.slice(0, offset).split("\n").length - 1;
  return spans.map(({ start, end }, k) => {
    const text = entry.text.slice(start, end);
    return { ...entry, no: entry.no + k, text: k === 0 ? text : text.replace(/(?<![。；;：:])\n/gu, ""), from: entry.from.slice(lineAt(start), lineAt(Math.max(start, end - 1)) + 1) };
  });
}

export function boxLineIndices(boxes: Box[]): Set<number> {
  const set = new Set<number>();
  for (const b of boxes) for (let k = b.index; k <= b.end; k++) set.add(k);
  return set;
}
