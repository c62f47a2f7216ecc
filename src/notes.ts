// The kinds of notes the pipeline writes, in one table: which stage and step writes each, how serious
// it is, and what it means. A producer names a kind from this table and note() fills in the rest, so
// no note has a kind this table (and the README's reference, which a test keeps in step) does not
// explain. model.ts's Note is the shape note() makes.

/** How serious a note is. */
export type Severity =
  /** a repair or an observation: nothing of the document's text is lost or in doubt */
  | "info"
  /** the output may be wrong here: a guess, a mismatch, something out of sequence */
  | "warning"
  /** words of the input are not in the output */
  | "loss";

export type Stage = "read" | "clean" | "segment" | "reconcile";

interface KindInfo {
  stage: Stage;
  /** the step of the stage that writes it */
  step: string;
  severity: Severity;
  /** one line: what the note says happened */
  meaning: string;
}

export const NOTE_KINDS = {
  "charset-mismatch": { stage: "read", step: "decode", severity: "warning", meaning: "a page declares a charset its bytes do not read as; the bytes were decoded as they read" },
  "mixed-encoding": { stage: "read", step: "decode", severity: "warning", meaning: "a line of a UTF-8 file is not UTF-8; it was decoded in the encoding detected for it" },
  truncated: { stage: "read", step: "decode", severity: "loss", meaning: "the bytes of a character cut off at the end of the file were dropped" },
  "pdf-page-without-text": { stage: "read", step: "pdf", severity: "loss", meaning: "pages of a PDF without a text layer (images, a scan) were not read" },
  "pdf-header-dropped": { stage: "read", step: "pdf", severity: "info", meaning: "a running header (or page numbers) printed at the top of a PDF's pages was dropped" },
  "pdf-footer-dropped": { stage: "read", step: "pdf", severity: "info", meaning: "a running footer (or page numbers) printed at the foot of a PDF's pages was dropped" },
  "pdf-table": { stage: "read", step: "pdf", severity: "info", meaning: "a table of a PDF (ruled, or without a grid and told by where its text stands) became rows of tab-separated cells, merged cells given to every slot they span" },
  "docx-numbering": { stage: "read", step: "docx", severity: "info", meaning: "paragraphs numbered by Word's automatic numbering got their numbers as printed" },
  "docx-tables": { stage: "read", step: "docx", severity: "info", meaning: "a Word document's tables became rows of tab-separated cells, merged cells given to every slot they span" },
  "docx-boxes": { stage: "read", step: "docx", severity: "info", meaning: "one-column tables (boxes) of a Word document were read as paragraphs" },
  "doc-text-boxes": { stage: "read", step: "doc", severity: "warning", meaning: "text boxes of an old Word document were placed after its body, since the file does not say where they stand" },
  "doc-table-rows": { stage: "read", step: "doc", severity: "info", meaning: "table rows of an old Word document became tab-separated cells, a merged cell's text in its first row only" },

  "mojibake-repaired": { stage: "clean", step: "mojibake", severity: "warning", meaning: "a run of GBK read one byte out of step was decoded again; unsure characters at its edges may be left out" },
  "mojibake-stripped": { stage: "clean", step: "mojibake", severity: "loss", meaning: "garbled characters that nothing restores were removed" },
  "html-page": { stage: "clean", step: "html", severity: "info", meaning: "the file was read as an HTML page: its block elements became lines" },
  "html-table": { stage: "clean", step: "html", severity: "info", meaning: "an HTML table became rows of tab-separated cells" },
  "html-dropped": { stage: "clean", step: "html", severity: "loss", meaning: "an element was dropped with its text: a script or style, the page title, or site furniture" },
  "markup-line-dropped": { stage: "clean", step: "html", severity: "info", meaning: "a line that held only tags was emptied" },
  "pinyin-removed": { stage: "clean", step: "pinyin", severity: "info", meaning: "pinyin readings a mirror site inserted after characters (规(guī)划) were removed" },
  "page-furniture-dropped": { stage: "clean", step: "layout", severity: "info", meaning: "a page number or the running page header of a PDF laid out as printed (pdftotext -layout) was dropped" },
  "long-lines-split": { stage: "clean", step: "long-lines", severity: "info", meaning: "lines too long to be a paragraph were cut at sentence ends" },
  "traditional-to-simplified": { stage: "clean", step: "simplify", severity: "info", meaning: "the text was in traditional characters and was converted to simplified" },
  "control-characters": { stage: "clean", step: "normalize", severity: "info", meaning: "control and zero-width characters were removed" },
  "rule-dropped": { stage: "clean", step: "pipe-tables", severity: "info", meaning: "a line of table rule characters (---, ===, |) was dropped" },
  "page-marker-dropped": { stage: "clean", step: "shared-pages", severity: "info", meaning: "a document-sharing site's page number (1、 2、 at a page's start) was dropped and the page joined to the one before" },
  "site-meta-dropped": { stage: "clean", step: "boilerplate", severity: "info", meaning: "a line of the web record's metadata block left the text; its keys and values are kept as metadata" },
  "site-chrome-dropped": { stage: "clean", step: "boilerplate", severity: "loss", meaning: "a line of site furniture (header, footer, navigation, page tools) was dropped" },
  "spam-dropped": { stage: "clean", step: "boilerplate", severity: "loss", meaning: "a line of injected spam was dropped" },
  "spam-stripped": { stage: "clean", step: "boilerplate", severity: "loss", meaning: "injected spam was cut out of a line" },
  "toc-dropped": { stage: "clean", step: "boilerplate", severity: "loss", meaning: "a line of the table of contents was dropped" },
  "page-number-dropped": { stage: "clean", step: "unwrap", severity: "info", meaning: "a page number of a PDF's text was dropped" },

  "no-outline": { stage: "segment", step: "outline", severity: "warning", meaning: "no chapter headings were found: the file may not be a plan" },
  "not-a-division": { stage: "segment", step: "meta", severity: "warning", meaning: "the county named is not on China's list of administrative divisions; its division code, province and prefecture are left empty" },
  "item-renumbered": { stage: "segment", step: "outline", severity: "info", meaning: "an item printed with a number already used (lost Word numbering) was numbered in reading order" },
  "item-out-of-sequence": { stage: "segment", step: "outline", severity: "warning", meaning: "a numbered line does not continue the items' numbering and was kept as text" },
  "numeral-recovered": { stage: "segment", step: "outline", severity: "warning", meaning: "a section numeral lost to a bad byte (（?）) was read from the sections around it" },
  "box-entry-displaced": { stage: "segment", step: "projects", severity: "info", meaning: "an entry of a 专栏 box stood after a page break, outside its box, and was attached to it" },
  "total-checked": { stage: "segment", step: "projects", severity: "info", meaning: "a project table's rows add up to the total it states" },
  "total-mismatch": { stage: "segment", step: "projects", severity: "warning", meaning: "a project table's rows do not add up to the total it states" },
  "count-mismatch": { stage: "segment", step: "projects", severity: "warning", meaning: "a project table has another number of rows than it announces" },
  "merged-cells": { stage: "segment", step: "indicators", severity: "info", meaning: "an indicator table's merged cells, printed once, were spread over the rows they cover" },
  "indicator-without-name": { stage: "segment", step: "indicators", severity: "loss", meaning: "an indicator table's row had no indicator name and was dropped" },
  "indicator-rows-missing": { stage: "segment", step: "indicators", severity: "warning", meaning: "an indicator table is numbered beyond the rows that were read" },

  alternate: { stage: "reconcile", step: "reconcile", severity: "info", meaning: "another file of the same plan, kept as an alternate source" },
  "alternate-lacks-headings": { stage: "reconcile", step: "reconcile", severity: "info", meaning: "an alternate source lacks chapter or section headings the primary has" },
  "alternate-lacks-tables": { stage: "reconcile", step: "reconcile", severity: "info", meaning: "an alternate source has fewer indicator rows than the primary" },
  "alternate-lacks-projects": { stage: "reconcile", step: "reconcile", severity: "info", meaning: "an alternate source has fewer projects than the primary" },
} as const satisfies Record<string, KindInfo>;

export type NoteKind = keyof typeof NOTE_KINDS;

/** A note of a kind of the table, with its stage, step and severity (a model.ts Note). */
export function note(kind: NoteKind, source: string, line: number | null, message: string) {
  const k: KindInfo = NOTE_KINDS[kind];
  return { stage: k.stage, step: k.step, kind, severity: k.severity, source, line, message };
}
