// Mojibake repair for GBK text that was read one byte out of step.
//
// When a GBK page loses one byte, every following two-byte character is decoded from the trail byte
// of one character and the lead byte of the next: "　（一）創新" comes out as "?。ㄒ唬﹦撔". The lost
// byte shows as "?", pairs in GBK's user-defined areas come out as private-use characters, and a
// later pass may have folded the full-width punctuation of the garbled result to ASCII. The
// misreading ends by itself at the first trail byte in ASCII range (it shows as a stray letter,
// "瓌t") or at a lead byte followed by an ASCII byte, which the decoder swallowed into one "?"
// ("枷?/p>" was "想</p>"). Re-encoding the run, putting a lead byte back in front and decoding again
// restores the text. The bytes hidden in a "?" are guessed, and every guess, and whether to repair
// at all, is judged by a word model built from jieba's dictionary.
//
// The parts: marks.ts (what garbling leaves), gbk.ts (bytes), runs.ts (where a run ends), words.ts
// (the word model), tokens.ts and scorer.ts (how well text reads), restore.ts (one reading put
// back), decide.ts (repair, strip or leave a run), costs.ts (the numbers); this file is the step.
import type { Line, Note } from "../../model.js";
import { note, type CleanStep, type StepContext, type StepResult } from "../step.js";
import { applyFixes, findFixes, type RunFix } from "./decide.js";
import { looksGarbled } from "./marks.js";
import type { Picks } from "./restore.js";
import { detectScript } from "../script.js";
import { newScorer } from "./scorer.js";
import { isHanCode } from "../../text/chars.js";
import { wordModel } from "./words.js";

export { garble } from "./gbk.js";

/**
 * A heading's last character is often lost in the body (its byte fused with a tag) but kept in the
 * table of contents, where dot leaders follow it. When the text repaired elsewhere continues this
 * run with exactly one character that its known lead byte allows, that character is put back.
 */
function confirmFromOtherLines(fixesByLine: RunFix[][], repairedTexts: string[]): void {
  fixesByLine.forEach((fixes, lineIndex) => {
    for (const f of fixes) {
      if (f.unsureLast === null) continue;
      const tag = f.replacement.endsWith("<") ? "<" : "";
      const prefix = f.replacement.slice(0, f.replacement.length - tag.length);
      const key = prefix.slice(-6);
      if ([...key].filter((ch) => isHanCode(ch.charCodeAt(0))).length < 3) continue;
      const seen = new Map<string, number>();
      repairedTexts.forEach((t, other) => {
        if (other === lineIndex) return;
        for (let at = t.indexOf(key); at >= 0; at = t.indexOf(key, at + 1)) {
          const next = t[at + key.length];
          if (next !== undefined && f.unsureLast!.includes(next)) seen.set(next, other);
        }
      });
      if (seen.size !== 1) continue;
      const [ch, other] = [...seen.entries()][0]!;
      f.replacement = prefix + ch + tag;
      f.dropped--;
      f.unsureLast = null;
      f.confirmedBy = other;
    }
  });
}

export const repairMojibake: CleanStep = (lines: Line[], ctx: StepContext): StepResult => {
  // clean input must cost nothing: the dictionary is only read once a line looks garbled
  if (!lines.some((l) => looksGarbled(l.text))) return { lines, notes: [], repairs: {} };
  // scored against the script of the lines that look clean
  const scorer = newScorer(wordModel(), detectScript(lines.map((l) => l.text).filter((t) => !looksGarbled(t)).join("\n")));
  const picks: Picks = new Map();
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  const fixesByLine = lines.map((l) => findFixes(l.text, scorer, picks));
  confirmFromOtherLines(fixesByLine, lines.map((l, i) => applyFixes(l.text, fixesByLine[i]!)));
  const out = lines.map((l, i) => {
    const fixes = fixesByLine[i]!;
    if (fixes.length === 0) return l;
    for (const f of fixes) {
      repairs[f.kind] = (repairs[f.kind] ?? 0) + 1;
      const caveats = [
        ...(f.confirmedBy !== undefined ? [`last character confirmed by line ${lines[f.confirmedBy]!.line}`] : []),
        ...(f.dropped ? [`${f.dropped} unsure character${f.dropped > 1 ? "s" : ""} left out`] : []),
        ...(f.swallowed ? ["a character after it may be lost"] : []),
      ];
      const caveat = caveats.length ? ` (${caveats.join("; ")})` : "";
      notes.push(note("clean", f.kind, ctx, l.line, `${l.text.slice(f.start, f.end)} → ${f.replacement}${caveat}`));
    }
    return { ...l, text: applyFixes(l.text, fixes) };
  });
  return { lines: out, notes, repairs };
};
