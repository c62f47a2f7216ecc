// clean: decoded text → clean lines, as a chain of small pure steps. The order matters:
// mojibake is repaired on the raw page (its garbled bytes are the page's, and a garbled character can
// swallow the `<` of a following tag), then HTML becomes text, traditional becomes simplified (so the
// later rules see one script), widths are normalized, and only then is boilerplate recognized and the
// PDF's hard wraps undone.
import type { Line, Note, Script } from "../model.js";
import { removeBoilerplate, type Meta } from "./boilerplate.js";
import { htmlToText } from "./html/index.js";
import { repairMojibake } from "./mojibake/index.js";
import { collapseSpaces, dropBlankLines, normalizeWidth } from "./normalize.js";
import { splitJoinedParagraphs, splitOverlongLines } from "./paragraphs.js";
import { readLayout } from "./layout.js";
import { removePinyin } from "./pinyin.js";
import { splitRunOnHeadings } from "./run-on.js";
import { joinSharedPages } from "./sharing.js";
import { scriptOfLines, simplifyLines } from "./script.js";
import { addRepairs, toLines, type CleanStep, type StepContext } from "./step.js";
import { pipeTables } from "./tables.js";
import { unwrapPdfLines } from "./unwrap.js";

export interface Cleaned {
  lines: Line[];
  script: Script;
  /** the web record's metadata block (索引号, 发布机构, 成文日期, 文号, 标题 …) */
  meta: Meta;
  /** the line each key of `meta` was read from */
  metaLines: Record<string, Line>;
  notes: Note[];
  repairs: Record<string, number>;
}

export function clean(text: string, source: string): Cleaned {
  const ctx: StepContext = { source };
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  let lines = toLines(text);
  const run = (step: CleanStep) => {
    const r = step(lines, ctx);
    lines = r.lines;
    notes.push(...r.notes);
    addRepairs(repairs, r.repairs);
  };
  run(repairMojibake);
  run(htmlToText);
  run(removePinyin);
  run(readLayout);
  run(splitOverlongLines);
  // the script is judged on the whole text; a traditional text's lines are converted in one
  // conversion of the whole where that gives the same lines
  const { script, simplified } = scriptOfLines(lines.map((l) => l.text));
  run(simplifyLines(script, simplified));
  run(normalizeWidth);
  run(dropBlankLines);
  run(pipeTables);
  run(joinSharedPages);
  let meta: Meta = {};
  let metaLines: Record<string, Line> = {};
  run((ls, c) => {
    const r = removeBoilerplate(ls, c);
    ({ meta, metaLines } = r);
    return r;
  });
  run(splitJoinedParagraphs);
  run(splitRunOnHeadings);
  run(unwrapPdfLines);
  run(collapseSpaces);
  return { lines, script, meta, metaLines, notes, repairs };
}

export function cleanedText(lines: Line[]): string {
  return lines.map((l) => l.text).join("\n");
}
