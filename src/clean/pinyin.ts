// Pinyin readings that mirror sites insert after characters — 规(guī)划, 發(fā)展, 和（hé） — with or
// without tone marks. A reading is taken out only where it follows a Han character and is one pinyin
// syllable, so (GDP), (km) or （一） stay.
import type { Line, Note } from "../model.js";
import { note } from "../notes.js";
import { HAN } from "../text/chars.js";
import { counted, type CleanStep } from "./step.js";

const TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";
const READING = new RegExp(`(?<=[${HAN}])[(（]([a-z${TONED}]{1,6})[)）]`, "gu");
/** One syllable: an initial (maybe none) and a final. */
const SYLLABLE = new RegExp(`^(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv${TONED}]{1,3}(?:ng|n|r)?$`, "u");

export function stripPinyin(text: string): { text: string; removed: number } {
  let removed = 0;
  const out = text.replace(READING, (all, syllable: string) => {
    if (!SYLLABLE.test(syllable)) return all;
    removed++;
    return "";
  });
  return { text: out, removed };
}

export const removePinyin: CleanStep = (lines, ctx) => {
  const notes: Note[] = [];
  let total = 0;
  const out: Line[] = lines.map((l) => {
    if (!l.text.includes("(") && !l.text.includes("（")) return l;
    const r = stripPinyin(l.text);
    if (r.removed === 0) return l;
    total += r.removed;
    notes.push(note("pinyin-removed", ctx.source, l.line, `removed ${r.removed} pinyin reading${r.removed > 1 ? "s" : ""} inserted after characters`));
    return { ...l, text: r.text };
  });
  return { lines: out, notes, repairs: counted("pinyin-removed", total) };
};
