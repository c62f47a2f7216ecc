// Indicator names → catalog entries. Exact patterns first; a name no pattern knows can still be
// paired with another county's name by similarity, which callers must report as such.
import { INDICATOR_CATALOG, type CatalogEntry } from "./indicators.js";

const compiled = INDICATOR_CATALOG.map((entry) => ({ entry, res: entry.patterns.map((p) => new RegExp(p, "u")) }));
const byId = new Map(INDICATOR_CATALOG.map((e) => [e.id, e]));

/**
 * The comparable core of a name: full-width folded, no whitespace, no footnote marks (*, ※, ①),
 * no bracketed remarks ("（%）", "〔年均〕"), no trailing unit.
 */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[\s\u3000]+/gu, "")
    .replace(/[*＊※△▲☆★]|[\u2460-\u2473]/gu, "")
    .replace(/[（(〔［\[【][^）)〕］\]】]*[）)〕］\]】]/gu, "")
    .replace(/GDP/giu, "GDP");
}

export function matchIndicator(name: string): CatalogEntry | null {
  const n = normalizeName(name);
  for (const { entry, res } of compiled) if (res.some((re) => re.test(n))) return entry;
  return null;
}

export function catalogEntry(id: string): CatalogEntry | null {
  return byId.get(id) ?? null;
}

/** Character-bigram Dice similarity of two normalized names, 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...normalizeName(s)];
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = chars[i]! + chars[i + 1]!;
      out.set(g, (out.get(g) ?? 0) + 1);
    }
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}
