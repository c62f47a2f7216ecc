// Task topics: the keywords stored on each task at ingest (so no dictionary is loaded here), what
// the counties share and what only one has, and for each task the closest task of another county
// (side by side only: beyond a few counties, how many counties carry each topic instead).
import { FUNCTION_WORDS, GENERIC_WORDS, NON_FINAL, NON_INITIAL } from "../catalog/topic-words.js";
import { tasksOf } from "../dataset/emit.js";
import type { PlanDocument } from "../model.js";
import { sideBySide, type TaskMatch, type TaskRef, type Topics } from "./model.js";

const TOP = 20;
const NOT_TOPICS = new Set([...GENERIC_WORDS, ...FUNCTION_WORDS]);
const NON_INITIAL_SET = new Set(NON_INITIAL);
const NON_FINAL_SET = new Set(NON_FINAL);

/**
 * Whether a stored keyword is a content word worth showing as a topic (see catalog/topic-words.ts);
 * a county's own name is not a topic either.
 */
export function isTopic(word: string, county: string): boolean {
  const place = county.replace(/[县区市]$/u, "");
  const chars = [...word];
  if (NOT_TOPICS.has(word) || /^\d+$/.test(word)) return false;
  if (NON_INITIAL_SET.has(chars[0]!) || (chars.length >= 3 && NON_FINAL_SET.has(chars.at(-1)!))) return false;
  return !(place.length >= 2 && word.includes(place));
}

interface Task {
  ref: TaskRef;
  keywords: Set<string>;
  grams: Set<string>;
}

function bigrams(text: string): Set<string> {
  const chars = [...text.replace(/[\s\p{P}]+/gu, "")];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return out;
}

function overlap(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / Math.sqrt(a.size * b.size);
}

function tasks(doc: PlanDocument, withGrams: boolean): Task[] {
  return tasksOf(doc).map(({ c, s, it }) => ({
    ref: { chapter: c.no, section: s?.no ?? null, no: it.no, title: it.title },
    keywords: new Set(it.keywords),
    // only task matching needs the titles' character pairs
    grams: withGrams ? bigrams(it.title) : new Set<string>(),
  }));
}

const byWord = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Similarity of two tasks: their keywords (cosine) and their titles' character pairs, equally. */
export function taskSimilarity(a: Task, b: Task): number {
  return Number((0.5 * overlap(a.keywords, b.keywords) + 0.5 * overlap(a.grams, b.grams)).toFixed(3));
}

export function compareTopics(docs: PlanDocument[]): Topics {
  const pairwise = sideBySide(docs.length);
  const all = new Map(docs.map((d) => [d.slug, tasks(d, pairwise)]));
  const counts = new Map<string, Map<string, number>>();
  for (const d of docs) {
    const m = new Map<string, number>();
    for (const t of all.get(d.slug)!) for (const k of t.keywords) if (isTopic(k, d.county)) m.set(k, (m.get(k) ?? 0) + 1);
    counts.set(d.slug, m);
  }
  // word → counties and tasks that carry it: one pass, so that "only" and "shared" need no scan of
  // every other county per word
  const spread = new Map<string, { counties: number; tasks: number }>();
  for (const m of counts.values())
    for (const [w, n] of m) {
      const x = spread.get(w);
      if (x) {
        x.counties++;
        x.tasks += n;
      } else spread.set(w, { counties: 1, tasks: n });
    }
  const ranked = (slug: string) =>
    [...counts.get(slug)!.entries()].sort((a, b) => b[1] - a[1] || byWord(a[0], b[0])).map(([word, tasks]) => ({ word, tasks }));
  const rankings = new Map(docs.map((d) => [d.slug, ranked(d.slug)]));
  const keywords = Object.fromEntries(docs.map((d) => [d.slug, rankings.get(d.slug)!.slice(0, TOP)]));
  const everywhere = [...(counts.get(docs[0]!.slug)?.keys() ?? [])].filter((w) => spread.get(w)!.counties === counts.size);
  const minShare = new Map(everywhere.map((w) => [w, Math.min(...[...counts.values()].map((m) => m.get(w)!))]));
  const shared = everywhere.sort((a, b) => minShare.get(b)! - minShare.get(a)! || (a < b ? -1 : 1)).slice(0, TOP);
  const only = Object.fromEntries(
    docs.map((d) => [d.slug, rankings.get(d.slug)!.map((k) => k.word).filter((w) => spread.get(w)!.counties === 1).slice(0, 10)]),
  );
  if (!pairwise) {
    const coverage = [...spread.entries()]
      .sort((a, b) => b[1].counties - a[1].counties || b[1].tasks - a[1].tasks || byWord(a[0], b[0]))
      .map(([word, x]) => ({ word, counties: x.counties, tasks: x.tasks }));
    return { keywords, shared, only, matches: [], coverage };
  }
  const matches: TaskMatch[] = [];
  for (let i = 0; i < docs.length; i++)
    for (let j = 0; j < docs.length; j++) {
      if (i === j) continue;
      const from = docs[i]!.slug;
      const to = docs[j]!.slug;
      for (const t of all.get(from)!) {
        let best: Task | null = null;
        let score = 0;
        for (const u of all.get(to)!) {
          const s = taskSimilarity(t, u);
          if (s > score) {
            score = s;
            best = u;
          }
        }
        matches.push({ from, to, task: t.ref, match: best?.ref ?? null, score });
      }
    }
  return { keywords, shared, only, matches };
}
