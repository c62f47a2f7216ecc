// The document's 文号 (永政发〔2021〕96号): from the web record, or printed on its own at the head of
// the notice. A 文号 quoted in a sentence as the source of a requirement (《…通知》（渝安办〔2019〕81号）
// 要求) belongs to that other document. Brackets and 号 lost in copying (嘉应急发202214, 迁政发〔201325)
// are put back where the digits can only be read one way: a four-digit year, then the number.

import { codePointCount, HAN } from "../text/chars.js";

/** An organ's abbreviation and its kind of document: 永政发, 晋政办, 渝安办, 京应急发, 赣府厅发 … */
const PREFIX = `[${HAN}]{1,10}?(?:发|办|函|字|令|委|通|政|府|厅|局|文|规|安|急)`;
const FULL = new RegExp(`(${PREFIX})\\s*[〔［\\[(（【﹝]\\s*((?:19|20)\\d{2})\\s*[〕］\\])）】﹞]\\s*第?\\s*(\\d{1,4})\\s*号`, "u");
/** A 文号 that stands alone (a line, a record's field) may be of any organ: 河江东管〔2022〕18号 (a
 *  新区's 管委会), 枞救办 (a 减灾救灾委员会's office). */
const WHOLE = new RegExp(`^([${HAN}]{1,10})\\s*[〔［\\[(（【﹝]\\s*((?:19|20)\\d{2})\\s*[〕］\\])）】﹞]\\s*第?\\s*(\\d{1,4})\\s*号$`, "u");
const LOST = new RegExp(`^(${PREFIX})\\s*[〔［\\[(（【﹝]?\\s*((?:19|20)\\d{2})\\s*[〕］\\])）】﹞]?\\s*(\\d{1,4})\\s*号?$`, "u");

/** The address that follows a notice's 文号 (各乡镇、各部门…). */
const AFTER_NOTICE_ADDRESS = new RegExp(`^\\s*各[${HAN}]`, "u");

/** A prefix is an organ's abbreviation; in run-on text the words before it (…规划的通知永政发) are not. */
const trimPrefix = (prefix: string) => prefix.replace(/^.*(?:通知|的|印发|规划|方案|预案|号|日)/u, "");
const format = (prefix: string, year: string, no: string) => `${trimPrefix(prefix)}〔${year}〕${Number(no)}号`;

/** A 文号 written whole anywhere in the text. */
export function docNumberIn(text: string): string | null {
  const m = FULL.exec(text);
  return m ? format(m[1]!, m[2]!, m[3]!) : null;
}

/** A value that is nothing but a 文号, brackets and 号 maybe lost (a record field, a line of its own). */
export function bareDocNumber(text: string): string | null {
  const t = text.trim().replace(/^[\[【]?(?:发文字号|文号)[\]】]?[：:]?\s*/u, "");
  const alone = WHOLE.exec(t);
  if (alone) return format(alone[1]!, alone[2]!, alone[3]!);
  const whole = FULL.exec(t);
  if (whole && whole.index === 0 && t.slice(whole[0].length).trim() === "") return format(whole[1]!, whole[2]!, whole[3]!);
  const m = LOST.exec(t);
  if (!m) return null;
  const year = Number(m[2]);
  // the number after the year: 1–4 digits; the year must be a plausible one for a document
  if (year < 1990 || year > 2035) return null;
  return format(m[1]!, m[2]!, m[3]!);
}

/** Is the 文号 at `at` in `line` quoted as another document's (in brackets after a 《…》, or inside a
 *  sentence that cites it)? */
function quoted(line: string, at: number): boolean {
  const before = line.slice(0, at);
  if (/[（(]\s*$/u.test(before) && /》\s*[（(]\s*$/u.test(before)) return true;
  if (/[（(]\s*$/u.test(before)) return true;
  const after = line.slice(at);
  return /^[^。；\s]{0,30}?[）)]?\s*(?:要求|精神|规定|文件|的通知|有关|等)/u.test(after.replace(/^\S*?号/u, "")) && /[，。；]/u.test(line);
}

/** The plan's 文号 from its front lines: a line that is the 文号 (or starts with it, before an organ and
 *  a date), or one standing between spaces in a run-on line; never one quoted in a sentence. */
export function frontDocNumber(lines: string[]): string | null {
  for (const line of lines) {
    const bare = bareDocNumber(line);
    if (bare) return bare;
    for (const m of line.matchAll(new RegExp(FULL.source, "gu"))) {
      const at = m.index!;
      if (quoted(line, at)) continue;
      const standsAlone = at === 0 || /(?:^|\s)$/u.test(line.slice(0, at)) && /^(?:\s|$)/u.test(line.slice(at + m[0].length));
      const short = codePointCount(line) <= 40 && !/[。；]/u.test(line);
      // a run-on notice: "…的通知永政发〔2021〕96号各乡镇…"
      const afterNotice = /通知\s*$/u.test(line.slice(0, at)) || AFTER_NOTICE_ADDRESS.test(line.slice(at + m[0].length));
      if (standsAlone || short || afterNotice) return format(m[1]!, m[2]!, m[3]!);
    }
    // a run-on line: "…的通知 迁政发〔201325 各乡镇…"
    for (const token of line.split(/\s+/u)) {
      if (token === line) break;
      const t = bareDocNumber(token);
      if (t) return t;
    }
  }
  return null;
}
