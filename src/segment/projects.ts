// Projects (重点工程): the numbered entries of 专栏 boxes, the numbered project headings of a projects
// chapter, a 工程 section with neither as one project, and the rows of project tables (序号 / 项目名称 /
// 建设内容 / 建设年限 / 投资 / 牵头单位), whose stated total is checked against the rows.
import type { Chapter, Item, Line, Note, Project, Section } from "../model.js";
import { codePointCount } from "../text/chars.js";
import type { Box } from "./boxes.js";
import type { Position } from "./outline.js";
import { ITEM_RE, SECTION_RE } from "../text/headings.js";
import { note } from "../notes.js";
import { atOf, joinAt } from "./at.js";

/** An entry's name: its lead text up to the first ： or 。 */
export function entryName(text: string): { name: string; description: string } {
  const first = text.split("\n")[0];
  const m = /^(.*?)[：:。]/u.exec(first);
  const name = (m ? m[1] : first).trim();
  const description = text.slice(m ? m[0].length : first.length).trim();
  return { name, description };
}

interface Context {
  lines: Line[];
  positions: Position[];
  chapters: Chapter[];
  boxes: Box[];
  source: string;
  /** the lines of each chapter's, section's and item's text (outline.ts) */
  bodyLines: Map<Chapter | Section | Item, Line[]>;
}

function sectionOf(chapters: Chapter[], chapter: number | null, section: number | null): Section | null {
  const ch = chapters.find((c) => c.no === chapter);
  return ch?.sections.find((s) => s.no === section) ?? null;
}

function fromBoxes(ctx: Context, notes: Note[]): Project[] {
  const projects: Project[] = [];
  const projectChapters = new Set(ctx.chapters.filter((c) => c.role === "projects").map((c) => c.no));
  const boxes = ctx.boxes.filter((box) => projectChapters.has(ctx.positions[box.index].chapter ?? -1));
  const entriesOf = new Map(boxes.map((box) => [box, [...box.entries]]));
  // Entries that a page break carried out of their box, past other boxes and headings: a numbered
  // line outside every box (and not a task item of another section) that continues the numbering of
  // the nearest box before it in the same chapter.
  const inBox = new Set(boxes.flatMap((b) => Array.from({ length: b.end - b.index + 1 }, (_, k) => b.index + k)));
  for (let i = 0; i < ctx.lines.length; i++) {
    if (inBox.has(i)) continue;
    const it = ITEM_RE.exec(ctx.lines[i].text);
    if (!it) continue;
    const no = Number(it[1]);
    const at = ctx.positions[i];
    const owner = boxes
      .filter((b) => b.index < i && ctx.positions[b.index].chapter === at.chapter)
      .reverse()
      .find((b) => {
        const entries = entriesOf.get(b)!;
        return entries.length > 0 && entries[entries.length - 1]!.no === no - 1;
      });
    if (!owner) continue;
    if (at.item !== null && at.section !== ctx.positions[owner.index].section) continue;
    entriesOf.get(owner)!.push({ no, text: it[2], index: i, line: ctx.lines[i].line, from: [ctx.lines[i]] });
    notes.push(note("box-entry-displaced", ctx.source, ctx.lines[i].line, `entry ${no} of 专栏 "${owner.title}" stands after a page break, outside its box; attached to the box`));
  }
  for (const box of boxes) {
    const pos = ctx.positions[box.index];
    const section = sectionOf(ctx.chapters, pos.chapter, pos.section);
    const group = section?.title ?? box.title;
    const entries = entriesOf.get(box)!;
    if (entries.length === 0) {
      const at = section ? joinAt(section.at, atOf(ctx.source, box.from)) : atOf(ctx.source, box.from);
      projects.push({ chapter: pos.chapter, section: pos.section, group, no: null, name: group, description: box.text, source: "section", investment: null, investmentUnit: null, years: null, lead: null, at });
      continue;
    }
    for (const e of entries) {
      const { name, description } = entryName(e.text);
      projects.push({ chapter: pos.chapter, section: pos.section, group, no: e.no, name, description, source: "box", investment: null, investmentUnit: null, years: null, lead: null, at: atOf(ctx.source, e.from) });
    }
  }
  return projects;
}

/** Sections of a projects chapter without boxes: their numbered headings are projects; a 工程 section
 *  with no headings is one project. */
function fromHeadings(ctx: Context, boxed: Set<string>): Project[] {
  const projects: Project[] = [];
  const at = (node: Section | Item) => joinAt(node.at, atOf(ctx.source, ctx.bodyLines.get(node) ?? []));
  for (const ch of ctx.chapters.filter((c) => c.role === "projects")) {
    for (const s of ch.sections) {
      if (boxed.has(`${ch.no}/${s.no}`)) continue;
      if (s.items.length === 0) {
        if (/工程|项目|建设|行动|计划/u.test(s.title)) projects.push({ chapter: ch.no, section: s.no, group: s.title, no: null, name: s.title, description: s.text, source: "section", investment: null, investmentUnit: null, years: null, lead: null, at: at(s) });
        continue;
      }
      for (const it of s.items) projects.push({ chapter: ch.no, section: s.no, group: s.title, no: it.no, name: it.title, description: it.text, source: "heading", investment: null, investmentUnit: null, years: null, lead: null, at: at(it) });
    }
    if (ch.sections.length === 0) {
      for (const it of ch.items) projects.push({ chapter: ch.no, section: null, group: null, no: it.no, name: it.title, description: it.text, source: "heading", investment: null, investmentUnit: null, years: null, lead: null, at: at(it) });
    }
  }
  return projects;
}

// ---- project tables -------------------------------------------------------------------------

type Field = "no" | "name" | "description" | "years" | "investment" | "lead";
const HEADER_FIELDS: Array<[Field, RegExp]> = [
  ["no", /^序号$/u],
  ["name", /项目名称|工程名称|名称/u],
  ["description", /建设内容|主要内容|建设规模|内容/u],
  ["years", /年限|建设期|起止|时间|年度/u],
  ["investment", /投资/u],
  ["lead", /牵头|责任单位|实施单位|建设单位|主体/u],
];
/** The name column of a project table that does not number its rows: said outright. */
const UNNUMBERED_NAME = /^(?:项目|工程)名称$/u;
const YEARS = /^(?:\d{4}\s*[-—–~至]\s*\d{4}|\d{4})年?$/u;
const AMOUNT = /^\d+(?:\.\d+)?$/u;

function headerField(cell: string): Field | null {
  return HEADER_FIELDS.find(([, re]) => re.test(cell))?.[0] ?? null;
}

export interface ProjectTable {
  projects: Project[];
  consumed: Set<number>;
  notes: Note[];
}

/** Finds project tables: a header of at least 序号 + 项目名称 + one of 投资/年限/牵头, as tab cells on
 *  one line or as one cell per line, rows following until the numbering stops; or, in a table that
 *  does not number its rows, a TAB header of 项目/工程名称 and the years or the investment, over TAB
 *  rows. */
export function extractProjectTables(lines: Line[], skip: Set<number>, source: string): ProjectTable {
  const out: ProjectTable = { projects: [], consumed: new Set(), notes: [] };
  for (let i = 0; i < lines.length; i++) {
    if (skip.has(i) || out.consumed.has(i)) continue;
    const header = readHeader(lines, i);
    if (!header) continue;
    const { fields, next, unit } = header;
    const numbered = fields.includes("no");
    const caption = findCaption(lines, i);
    let j = next;
    let expected = 1;
    const rows: Array<Record<Field, string>> = [];
    const rowLines: Line[][] = [];
    while (j < lines.length) {
      const t = lines[j].text.trim();
      if (t.includes("\t")) {
        const cells = t.split("\t");
        if (numbered ? Number(cells[fields.indexOf("no")]) !== expected : !unnumberedRow(cells, fields, lines[i].text.trim())) break;
        rows.push(Object.fromEntries(fields.map((f, k) => [f, cells[k] ?? ""])) as Record<Field, string>);
        rowLines.push([lines[j]]);
        j++;
        expected++;
        continue;
      }
      if (!numbered || t !== String(expected)) break;
      // one cell per line: gather until the next row number (or the table's end)
      const cells: string[] = [];
      let k = j + 1;
      for (; k < lines.length; k++) {
        const c = lines[k].text.trim();
        if (c === String(expected + 1) || /^(抄送|附件|注[：:])/.test(c) || SECTION_RE.test(c)) break;
        cells.push(c);
      }
      rows.push(assignCells(cells, fields));
      rowLines.push(lines.slice(j, k));
      for (let m = j; m < k; m++) out.consumed.add(m);
      j = k;
      expected++;
    }
    if (rows.length === 0) continue;
    for (let m = i; m < j; m++) out.consumed.add(m);
    rows.forEach((r, k) => {
      const investment = AMOUNT.test(r.investment?.replace(/,/g, "") ?? "") ? Number(r.investment.replace(/,/g, "")) : null;
      out.projects.push({ chapter: null, section: null, group: null, no: numbered ? Number(r.no) || k + 1 : null, name: r.name, description: r.description ?? "", source: "table", investment, investmentUnit: investment !== null ? unit : null, years: r.years || null, lead: r.lead || null, at: atOf(source, rowLines[k]!) });
    });
    checkStatedTotal(lines, i, out, rows.length, source, caption);
    i = j - 1;
  }
  return out;
}

/** A row of a table that does not number its rows: a cell per column (the last ones may be
 *  empty) with a project's name, and not the header again. */
function unnumberedRow(cells: string[], fields: Field[], header: string): boolean {
  const name = cells[fields.indexOf("name")]?.trim() ?? "";
  return cells.length <= fields.length && cells.length >= fields.length - 1 && name !== "" && cells.join("\t") !== header;
}

function readHeader(lines: Line[], i: number): { fields: Field[]; next: number; unit: string | null } | null {
  const first = lines[i].text.trim();
  const unitOf = (s: string) => /（(万元|亿元|元)）|\((万元|亿元|元)\)/u.exec(s)?.slice(1).find(Boolean) ?? null;
  if (first.includes("\t")) {
    const cells = first.split("\t");
    const fields = cells.map(headerField);
    if (fields.some((f) => f === null) || !fields.includes("name") || !fields.some((f) => f === "investment" || f === "years" || f === "lead")) return null;
    // a table that does not number its rows: its header must say 项目/工程名称 and give a figure
    // to read (the years or the investment), over rows of TAB cells
    if (fields[0] !== "no" && (fields.includes("no") || cells.length < 3 || !UNNUMBERED_NAME.test(cells[fields.indexOf("name")]!) || !fields.some((f) => f === "investment" || f === "years") || !lines[i + 1]?.text.includes("\t"))) return null;
    return { fields: fields as Field[], next: i + 1, unit: unitOf(first) ?? (fields.includes("investment") ? "万元" : null) };
  }
  if (headerField(first) !== "no") return null;
  const fields: Field[] = ["no"];
  let unit: string | null = null;
  let j = i + 1;
  for (; j < lines.length && j < i + 10; j++) {
    const c = lines[j].text.trim();
    if (/^\d+$/.test(c)) break;
    const f = headerField(c);
    if (f && !fields.includes(f)) fields.push(f);
    else if (!/^[（(].*[)）]$/u.test(c)) return null; // a header cell wrapped onto two lines: "预计投资" / "（万元）"
    unit = unitOf(c) ?? unit;
  }
  if (!fields.includes("name") || !fields.some((f) => f === "investment" || f === "years" || f === "lead")) return null;
  return { fields, next: j, unit: unit ?? (fields.includes("investment") ? "万元" : null) };
}

/** One-cell-per-line rows: cells wrap over lines, so anchor on what is recognizable — the years and the
 *  amount — and split the rest: the name is what precedes the longest (description) line. */
function assignCells(cells: string[], fields: Field[]): Record<Field, string> {
  const r = { no: "", name: "", description: "", years: "", investment: "", lead: "" } as Record<Field, string>;
  const yearsAt = cells.findIndex((c) => YEARS.test(c));
  const amountAt = cells.findIndex((c, k) => k > yearsAt && AMOUNT.test(c));
  const before = yearsAt >= 0 ? cells.slice(0, yearsAt) : cells.slice(0, 2);
  if (fields.includes("description") && before.length >= 2) {
    let longest = 0;
    before.forEach((c, k) => {
      if (k > 0 && codePointCount(c) >= codePointCount(before[longest])) longest = k;
    });
    r.name = before.slice(0, longest).join("");
    r.description = before.slice(longest).join("");
  } else r.name = before.join("");
  if (yearsAt >= 0) r.years = cells[yearsAt].replace(/\s+/g, "");
  if (amountAt >= 0) r.investment = cells[amountAt];
  const afterFrom = Math.max(yearsAt, amountAt) + 1;
  if (afterFrom > 0) r.lead = cells.slice(afterFrom).join("");
  return r;
}

function findCaption(lines: Line[], headerAt: number): string | null {
  for (let k = headerAt - 1; k >= Math.max(0, headerAt - 3); k--) {
    if (/工程|项目/u.test(lines[k].text)) return lines[k].text;
  }
  return null;
}

/** A table that states its own total ("预计投资总计26680万元") is checked against its rows. */
function checkStatedTotal(lines: Line[], headerAt: number, out: ProjectTable, rowCount: number, source: string, _caption: string | null): void {
  const rows = out.projects.slice(-rowCount);
  const sum = rows.reduce((a, p) => a + (p.investment ?? 0), 0);
  for (let k = headerAt - 1; k >= Math.max(0, headerAt - 3); k--) {
    const m = /(?:总投资|投资总计|总计|合计|共计)[^\d]{0,6}(\d+(?:\.\d+)?)\s*(万元|亿元)/u.exec(lines[k].text);
    if (!m) continue;
    const stated = Number(m[1]) * (m[2] === "亿元" && rows[0]?.investmentUnit === "万元" ? 10000 : 1);
    const count = /(\d+)\s*个项目/u.exec(lines[k].text);
    if (Math.abs(stated - sum) > 0.01) out.notes.push(note("total-mismatch", source, lines[k].line, `the table states a total of ${m[1]}${m[2]} but its ${rows.length} rows add up to ${sum}${rows[0]?.investmentUnit ?? ""}`));
    else out.notes.push(note("total-checked", source, lines[k].line, `the ${rows.length} rows add up to the stated total of ${m[1]}${m[2]}`));
    if (count && Number(count[1]) !== rows.length) out.notes.push(note("count-mismatch", source, lines[k].line, `the table announces ${count[1]} projects but has ${rows.length} rows`));
    return;
  }
}

export function extractProjects(ctx: Context): { projects: Project[]; notes: Note[] } {
  const notes: Note[] = [];
  const boxProjects = fromBoxes(ctx, notes);
  const boxed = new Set(boxProjects.map((p) => `${p.chapter}/${p.section}`));
  return { projects: [...boxProjects, ...fromHeadings(ctx, boxed)], notes };
}
