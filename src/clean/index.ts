// clean: decoded text → clean lines, as a chain of small pure steps. The order matters:
// mojibake is repaired on the raw page (its garbled bytes are the page's, and a garbled character can
// swallow the `<` of a following tag), then HTML becomes text, traditional becomes simplified (so the
// later rules see one script), widths are normalized, and only then is boilerplate recognized and the
// PDF's hard wraps undone.
import type { Line, Note, Script } from "../model.js";
import { removeBoilerplate, type Meta } from "./boilerplate.js";
import { htmlToText } from "./html.js";
import { repairMojibake } from "./mojibake/index.js";
import { collapseSpaces, dropBlankLines, normalizeWidth } from "./normalize.js";
import { splitJoinedParagraphs, splitOverlongLines } from "./paragraphs.js";
import { scriptOfLines, simplifyLines } from "./script.js";
import { addRepairs, toLines, type CleanStep, type StepContext } from "./step.js";
import { pipeTables } from "./tables.js";
import { unwrapPdfLines } from "./unwrap.js";

export interface Cleaned {
  lines: Line[];
  script: Script;
  /** the web record's metadata block (索引号, 发布机构, 成文日期, 文号, 标题 …) */
  meta: Meta;
  notes: Note[];
  repairs: Record<string, number>;
}

export interface CleanOptions {
  /** a hook to observe each step's result (used by `plans inspect --steps` and tests) */
  onStep?: (name: string, lines: Line[]) => void;
}

export function clean(text: string, source: string, options: CleanOptions = {}): Cleaned {
  const ctx: StepContext = { source };
  const notes: Note[] = [];
  const repairs: Record<string, number> = {};
  let lines = toLines(text);
  const run = (name: string, step: CleanStep) => {
    const r = step(lines, ctx);
    lines = r.lines;
    notes.push(...r.notes);
    addRepairs(repairs, r.repairs);
    options.onStep?.(name, lines);
  };
  run("mojibake", repairMojibake);
  run("html", htmlToText);
  run("long-lines", splitOverlongLines);
  // the script is judged on the text converted whole, and the lines are converted one by one: where
  // that is the same conversion it is made once
  const { script, simplified } = scriptOfLines(lines.map((l) => l.text));
  run("simplify", simplifyLines(script, simplified));
  run("normalize", normalizeWidth);
  run("blank-lines", dropBlankLines);
  run("pipe-tables", pipeTables);
  let meta: Meta = {};
  run("boilerplate", (ls, c) => {
    const r = removeBoilerplate(ls, c);
    meta = r.meta;
    return r;
  });
  run("paragraphs", splitJoinedParagraphs);
  run("unwrap", unwrapPdfLines);
  run("spacing", collapseSpaces);
  return { lines, script, meta, notes, repairs };
}

export function cleanedText(lines: Line[]): string {
  return lines.map((l) => l.text).join("\n");
}
