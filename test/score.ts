// A port of the reference scorer (shared/tools/score.py) so the accuracy bar is tested without
// ../shared: text compared after NFKC with numbering prefixes, whitespace and punctuation dropped;
// one-to-one greedy matching by similarity within the same key.
import type { PlanDocument } from "../src/model.js";

const PREFIX = /^\s*([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|\d+[.、．]|[（(]\d+[)）])\s*/u;

export function norm(s: unknown): string {
  if (s === null || s === undefined) return "";
  return String(s).normalize("NFKC").replace(PREFIX, "").replace(/[\s\p{P}\p{S}_]+/gu, "").toLowerCase();
}

/** difflib.SequenceMatcher.ratio(): 2·M / (|a| + |b|) with M from recursive longest matching blocks */
export function ratio(a: string, b: string): number {
  const A = [...a];
  const B = [...b];
  const matches = (alo: number, ahi: number, blo: number, bhi: number): number => {
    let best = 0;
    let bi = 0;
    let bj = 0;
    let prev = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const cur = new Map<number, number>();
      for (let j = blo; j < bhi; j++) {
        if (A[i] !== B[j]) continue;
        const k = (prev.get(j - 1) ?? 0) + 1;
        cur.set(j, k);
        if (k > best) {
          best = k;
          bi = i - k + 1;
          bj = j - k + 1;
        }
      }
      prev = cur;
    }
    if (best === 0) return 0;
    return best + matches(alo, bi, blo, bj) + matches(bi + best, ahi, bj + best, bhi);
  };
  const total = A.length + B.length;
  return total === 0 ? 1 : (2 * matches(0, A.length, 0, B.length)) / total;
}

export function sim(x: unknown, y: unknown): number {
  const a = norm(x);
  const b = norm(y);
  if (!a && !b) return 1;
  if (!a || !b) return 0;
  if (a === b) return 1;
  if ([...a].length >= 4 && [...b].length >= 4 && (a.includes(b) || b.includes(a))) return Math.max(0.85, ratio(a, b));
  return ratio(a, b);
}

function greedy<G, O>(gold: G[], out: O[], kg: (g: G) => string, ko: (o: O) => string, score: (g: G, o: O) => number, thr: number): Array<[G, O]> {
  const cands: Array<[number, number, number]> = [];
  gold.forEach((g, i) => out.forEach((o, j) => {
    if (kg(g) !== ko(o)) return;
    const s = score(g, o);
    if (s >= thr) cands.push([s, i, j]);
  }));
  cands.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const ug = new Set<number>();
  const uo = new Set<number>();
  const pairs: Array<[G, O]> = [];
  for (const [, i, j] of cands) {
    if (ug.has(i) || uo.has(j)) continue;
    ug.add(i);
    uo.add(j);
    pairs.push([gold[i], out[j]]);
  }
  return pairs;
}

export interface F1 { f1: number; p: number; r: number }
const f1 = (tp: number, ngold: number, nout: number): F1 => {
  const p = nout ? tp / nout : ngold === 0 ? 1 : 0;
  const r = ngold ? tp / ngold : 1;
  return { f1: p + r ? (2 * p * r) / (p + r) : 0, p, r };
};

// deno-lint-ignore no-explicit-any
type Gold = any;
const raw = (v: unknown) => (v && typeof v === "object" ? (v as { raw: string }).raw : v);
const NATURE: Record<string, string> = { 约束性: "binding", 预期性: "expected", binding: "binding", expected: "expected" };

export interface Score {
  meta: number;
  chapters: F1;
  roles: number;
  sections: F1;
  items: F1;
  indicators: F1;
  indfields: number;
  projects: F1;
  investment: [number, number];
  metaMisses: string[];
}

export function scoreDocument(doc: PlanDocument, gold: Gold): Score {
  const chs = doc.chapters.map((c) => ({ no: c.no, title: c.title, role: c.role }));
  const secs = doc.chapters.flatMap((c) => c.sections.map((s) => ({ chapter: c.no, no: s.no, title: s.title })));
  const items = doc.chapters.flatMap((c) => [
    ...c.items.map((it) => ({ chapter: c.no, section: null as number | null, no: it.no, title: it.title })),
    ...c.sections.flatMap((s) => s.items.map((it) => ({ chapter: c.no, section: s.no as number | null, no: it.no, title: it.title }))),
  ]);
  let pairs: Array<[Gold, Gold]> = greedy(gold.chapters, chs, (g: Gold) => String(g.no), (o) => String(o.no), (g: Gold, o) => sim(g.title, o.title), 0.75);
  const chapters = f1(pairs.length, gold.chapters.length, chs.length);
  const roles = pairs.filter(([g, o]) => g.role === o.role).length / Math.max(1, gold.chapters.length);
  pairs = greedy(gold.sections, secs, (g: Gold) => `${g.chapter}/${g.no}`, (o) => `${o.chapter}/${o.no}`, (g: Gold, o) => sim(g.title, o.title), 0.6);
  const sections = f1(pairs.length, gold.sections.length, secs.length);
  pairs = greedy(gold.items, items, (g: Gold) => `${g.chapter}/${g.section}`, (o) => `${o.chapter}/${o.section}`, (g: Gold, o) => sim(g.title, o.title) + (g.no === o.no ? 0.05 : 0), 0.6);
  const itemsF = f1(pairs.length, gold.items.length, items.length);
  const gi: Gold[] = gold.indicators ?? [];
  const oi = doc.indicators;
  const ipairs = greedy(gi, oi, (g: Gold) => g.period ?? "14th", (o) => o.period ?? "14th", (g: Gold, o) => sim(g.name, o.name), 0.7);
  const indicators = f1(ipairs.length, gi.length, oi.length);
  let ok = 0;
  let tot = 0;
  for (const [g, o] of ipairs) {
    for (const f of ["target", "baseline"] as const) {
      tot++;
      ok += Number(norm(g[f]) === norm(raw(o[f])));
    }
    tot++;
    ok += Number((NATURE[g.nature ?? ""] ?? null) === (NATURE[o.nature ?? ""] ?? null));
    for (const f of ["category", "department"] as const) {
      tot++;
      ok += Number(norm(g[f]) === norm(o[f]));
    }
  }
  const gp: Gold[] = gold.projects ?? [];
  const ppairs = greedy(gp, doc.projects, (g: Gold) => String(g.source === "table"), (o) => String(o.source === "table"), (g: Gold, o) => sim(g.name, o.name), 0.6);
  const projects = f1(ppairs.length, gp.length, doc.projects.length);
  const sum = (xs: Array<{ source: string; investment?: number | null }>) => xs.filter((x) => x.source === "table").reduce((a, x) => a + (x.investment ?? 0), 0);
  const keys = ["county", "title", "issuer", "docNumber", "issuedDate"] as const;
  const metaMisses = keys.filter((k) => norm(gold[k]) !== norm(doc[k])).map((k) => `${k}: ${doc[k]} ≠ ${gold[k]}`);
  return { meta: (keys.length - metaMisses.length) / keys.length, chapters, roles, sections, items: itemsF, indicators, indfields: tot ? ok / tot : gi.length ? 0 : 1, projects, investment: [sum(doc.projects), sum(gp)], metaMisses };
}

export function formatScore(slug: string, s: Score): string {
  const f = (x: F1) => `${x.f1.toFixed(3)}(p${x.p.toFixed(2)},r${x.r.toFixed(2)})`;
  return `${slug}: meta=${s.meta.toFixed(3)} chapters=${f(s.chapters)} roles=${s.roles.toFixed(3)} sections=${f(s.sections)} items=${f(s.items)} indicators=${f(s.indicators)} indfields=${s.indfields.toFixed(3)} projects=${f(s.projects)} invest=${s.investment[0]}/${s.investment[1]}`;
}
