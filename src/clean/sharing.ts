// Document-sharing sites (docin, doc88, book118, renrendoc style) print a document's text page by
// page, each page's text run together and numbered "1、", "2、" at its start, often in the middle of
// a sentence. On such a page (told by the sites' furniture: 上传人, 文档编号, 资源描述, 下载文档 …) the
// page numbers that run 1、2、3、 at line starts are taken out and each page joined to the one before.
import type { Line, Note } from "../model.js";
import { note } from "../notes.js";
import { SHARING_SITE_MARKS } from "./boilerplate-vocabulary.js";
import { counted, type CleanStep } from "./step.js";

const SHARING_SITE = new RegExp(SHARING_SITE_MARKS.join("|"), "u");
const PAGE_MARKER = /^(\d{1,3})、(?=\S)/u;
const SENTENCE_END = /[。！？；：”」』]$/u;

export const joinSharedPages: CleanStep = (lines, ctx) => {
  if (!lines.some((l) => SHARING_SITE.test(l.text.trim()))) return { lines, notes: [], repairs: {} };
  const notes: Note[] = [];
  const out: Line[] = [];
  let page = 1;
  for (const l of lines) {
    const t = l.text.trim();
    const m = PAGE_MARKER.exec(t);
    if (!m || Number(m[1]) !== page) {
      out.push(l);
      continue;
    }
    page++;
    const text = t.slice(m[0].length);
    notes.push(note("page-marker-dropped", ctx.source, l.line, `dropped the sharing site's page number "${m[0]}"`));
    const prev = out[out.length - 1];
    if (page > 2 && prev && !SENTENCE_END.test(prev.text.trim())) out[out.length - 1] = { ...prev, text: prev.text.trimEnd() + text, end: l.line };
    else out.push({ ...l, text });
  }
  return { lines: out, notes, repairs: counted("page-markers-dropped", notes.length) };
};
