// Page furniture: the running header and footer a printed plan repeats on every page (its title, the
// issuer, a rule) and the page numbers (— 12 —, - 12 -, 第 12 页, 12/40). They are told from the text by
// where they stand — first or last on a page, at the same height page after page — and, for page
// numbers, by their form.

/** The lines of a page from top to bottom that the furniture test looks at. */
export interface Placed {
  text: string;
  /** the baseline, y growing upwards */
  y: number;
}

/** How far a line stands from the edge of its page it is nearest to: a header's distance from the
 *  top, a footer's from the bottom, the same on portrait and landscape pages. */
const fromEdge = (y: number, height: number, top: boolean): number => (top ? height - y : y);

export interface Furniture {
  /** per page, the indexes (into that page's lines) of its header and footer lines */
  header: Set<number>[];
  footer: Set<number>[];
  /** what was dropped, for the notes: each distinct text (page numbers as one) and its pages */
  dropped: Array<{ where: "header" | "footer"; text: string; pages: number[] }>;
}

/** Lines looked at, at each end of a page. */
const EDGE_LINES = 2;
/** A repeated line must stand this close (points) to the same height on every page it repeats on. */
const SAME_HEIGHT = 4;
/** Share of the pages a text must repeat on to be a running header or footer (at least 2 pages). */
const REPEATS = 0.3;
/** Page numbers are recognized by form only in this outer share of the page's height. */
const NUMBER_BAND = 0.15;

const PAGE_NUMBER = /^(?:[-—–－―~～·•\s]*\d{1,4}[-—–－―~～·•\s]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|(?:page|p\.)\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/i;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** The key under which running lines repeat: digits (a page number, a date) do not count. */
const keyOf = (text: string): string => text.replace(/\s+/g, "").replace(/\d+/g, "#");

/** Finds the furniture of a document's pages (each page's lines top to bottom, and its height). */
export function furniture(pages: ReadonlyArray<{ lines: readonly Placed[]; height: number }>): Furniture {
  const header = pages.map(() => new Set<number>());
  const footer = pages.map(() => new Set<number>());
  // candidates: the first and last few lines of each page
  const seen = new Map<string, Array<{ page: number; index: number; y: number; top: boolean }>>();
  pages.forEach((p, k) => {
    const n = p.lines.length;
    for (let i = 0; i < n; i++) {
      const top = i < EDGE_LINES;
      if (!top && i < n - EDGE_LINES) continue;
      const key = `${top ? "t" : "b"}:${keyOf(p.lines[i].text)}`;
      const list = seen.get(key) ?? [];
      list.push({ page: k, index: i, y: fromEdge(p.lines[i].y, p.height, top), top });
      seen.set(key, list);
    }
  });
  const dropped = new Map<string, { where: "header" | "footer"; text: string; pages: number[] }>();
  const drop = (page: number, index: number, top: boolean, label: string) => {
    (top ? header : footer)[page].add(index);
    const d = dropped.get(label) ?? { where: top ? "header" : "footer", text: label, pages: [] };
    if (!d.pages.includes(page + 1)) d.pages.push(page + 1);
    dropped.set(label, d);
  };
  const needed = Math.max(2, Math.ceil(REPEATS * pages.length));
  for (const list of seen.values()) {
    const ys = list.map((c) => c.y).sort((a, b) => a - b);
    const median = ys[Math.floor(ys.length / 2)];
    const level = list.filter((c) => Math.abs(c.y - median) <= SAME_HEIGHT);
    const pagesAt = new Set(level.map((c) => c.page));
    if (pagesAt.size < needed) continue;
    for (const c of level) drop(c.page, c.index, c.top, pages[c.page].lines[c.index].text.trim());
  }
  // page numbers, by form, at the outer edge of the page
  pages.forEach((p, k) => {
    const n = p.lines.length;
    p.lines.forEach((l, i) => {
      const top = i < EDGE_LINES;
      if (!top && i < n - EDGE_LINES) return;
      const outer = top ? l.y >= p.height * (1 - NUMBER_BAND) : l.y <= p.height * NUMBER_BAND;
      if (outer && isPageNumber(l.text)) drop(k, i, top, "page numbers");
    });
  });
  // a page number counted as repeated furniture is reported as a page number
  for (const [label, d] of dropped) {
    if (label !== "page numbers" && isPageNumber(label)) {
      const pn = dropped.get("page numbers") ?? { where: d.where, text: "page numbers", pages: [] };
      pn.pages = [...new Set([...pn.pages, ...d.pages])].sort((a, b) => a - b);
      dropped.set("page numbers", pn);
      dropped.delete(label);
    }
  }
  return { header, footer, dropped: [...dropped.values()].map((d) => ({ ...d, pages: d.pages.sort((a, b) => a - b) })) };
}
