// Indicators of several counties aligned one to one: by the catalog where it knows the measure, by
// name similarity (reported as such) where it does not. Then, per row, whose target is more ambitious.
import { catalogEntry, matchIndicator, nameSimilarity, normalizeName } from "../catalog/match.js";
import type { Indicator } from "../model.js";
import type { AlignedIndicator, TargetComparison } from "./model.js";

/** Below this bigram similarity two unknown names are different measures. */
export const SIMILAR = 0.75;

interface Entry {
  slug: string;
  indicator: Indicator;
}

const PERIOD_ORDER = { "14th": 0, "13th": 1 } as const;

export function alignIndicators(columns: Array<{ slug: string; indicators: Indicator[] }>): AlignedIndicator[] {
  const slugs = columns.map((c) => c.slug);
  const rows: AlignedIndicator[] = [];
  const byKey = new Map<string, AlignedIndicator>();
  const unknown: Entry[] = [];

  const newRow = (key: string, label: string, period: Indicator["period"], canonicalId: string | null): AlignedIndicator => {
    const entry = canonicalId ? catalogEntry(canonicalId) : null;
    const row: AlignedIndicator = {
      key,
      label,
      period,
      canonicalId,
      alignment: "single",
      similarity: null,
      better: entry?.better ?? null,
      values: Object.fromEntries(slugs.map((s) => [s, null])),
      comparison: emptyComparison(),
    };
    rows.push(row);
    byKey.set(key, row);
    return row;
  };

  for (const { slug, indicators } of columns) {
    for (const indicator of indicators) {
      const id = indicator.canonicalId ?? matchIndicator(indicator.name)?.id ?? null;
      if (id === null) {
        unknown.push({ slug, indicator });
        continue;
      }
      let key = `${indicator.period}:${id}`;
      // one county printing the same measure twice in a period keeps both, on rows of their own
      for (let n = 2; byKey.get(key)?.values[slug]; n++) key = `${indicator.period}:${id}#${n}`;
      const row = byKey.get(key) ?? newRow(key, catalogEntry(id)!.name, indicator.period, id);
      row.values[slug] = indicator;
    }
  }

  // Names the catalog does not know: pair across counties by similarity, best pairs first.
  const pairs: Array<{ a: number; b: number; score: number }> = [];
  for (let a = 0; a < unknown.length; a++)
    for (let b = a + 1; b < unknown.length; b++) {
      const x = unknown[a]!;
      const y = unknown[b]!;
      if (x.slug === y.slug || x.indicator.period !== y.indicator.period) continue;
      const score = nameSimilarity(x.indicator.name, y.indicator.name);
      if (score >= SIMILAR) pairs.push({ a, b, score });
    }
  pairs.sort((p, q) => q.score - p.score || p.a - q.a || p.b - q.b);
  const rowOf = new Map<number, AlignedIndicator>();
  for (const { a, b, score } of pairs) {
    const ra = rowOf.get(a);
    const rb = rowOf.get(b);
    if (ra && rb) continue;
    const x = unknown[a]!;
    const y = unknown[b]!;
    const row = ra ?? rb ?? newRow(`${x.indicator.period}:~${normalizeName(x.indicator.name)}`, x.indicator.name, x.indicator.period, null);
    const [other, entry] = ra ? [b, y] : rb ? [a, x] : [b, y];
    if (row.values[entry.slug]) continue; // that county already has a name on this row
    if (!ra && !rb) {
      row.values[x.slug] = x.indicator;
      rowOf.set(a, row);
    }
    row.values[entry.slug] = entry.indicator;
    rowOf.set(other, row);
    row.alignment = "similar";
    row.similarity = Math.min(row.similarity ?? 1, Number(score.toFixed(2)));
  }
  unknown.forEach((e, i) => {
    if (rowOf.has(i)) return;
    let key = `${e.indicator.period}:~${normalizeName(e.indicator.name)}`;
    for (let n = 2; byKey.has(key); n++) key = `${e.indicator.period}:~${normalizeName(e.indicator.name)}#${n}`;
    newRow(key, e.indicator.name, e.indicator.period, null).values[e.slug] = e.indicator;
  });

  for (const row of rows) {
    const present = Object.values(row.values).filter((v) => v !== null).length;
    if (row.alignment !== "similar") row.alignment = present > 1 && row.canonicalId ? "catalog" : "single";
    row.comparison = compareTargets(row);
  }
  // Shared rows first, then by period (14th before 13th), then by the first county's order.
  const firstIndex = (row: AlignedIndicator) => {
    for (const { slug, indicators } of columns) {
      const v = row.values[slug];
      if (v) return slugs.indexOf(slug) * 1000 + indicators.indexOf(v);
    }
    return Infinity;
  };
  const shared = (row: AlignedIndicator) => Object.values(row.values).filter((v) => v !== null).length;
  return rows.sort((p, q) => PERIOD_ORDER[p.period] - PERIOD_ORDER[q.period] || Number(shared(q) > 1) - Number(shared(p) > 1) || firstIndex(p) - firstIndex(q));
}

function emptyComparison(): TargetComparison {
  return { basis: null, ranking: [], mostAmbitious: [], note: null, natureMismatch: false, averageMismatch: false };
}

/**
 * Whose target asks more. Relative targets (下降15%) compare with relative ones, levels (<0.01) with
 * levels in the same unit; a measure's direction (lower or higher is better) says which way is ahead.
 */
export function compareTargets(row: AlignedIndicator): TargetComparison {
  const out = emptyComparison();
  const present = Object.entries(row.values).filter((e): e is [string, Indicator] => e[1] !== null);
  const natures = new Set(present.map(([, i]) => i.nature).filter((n) => n !== null));
  out.natureMismatch = natures.size > 1;
  const targets = present.filter(([, i]) => i.target && i.target.value !== null) as Array<[string, Indicator & { target: NonNullable<Indicator["target"]> }]>;
  const averages = new Set(targets.map(([, i]) => i.target.fiveYearAverage));
  out.averageMismatch = averages.size > 1;
  if (targets.length < 2) return out;
  if (row.better === null) {
    out.note = "direction of the measure unknown";
    return out;
  }
  const kinds = new Set(targets.map(([, i]) => (i.target.change ? "change" : "level")));
  if (kinds.size > 1) {
    out.note = "not comparable: a relative change against an absolute level";
    return out;
  }
  const basis = [...kinds][0] as "change" | "level";
  const units = new Set(targets.map(([, i]) => i.target.unit ?? ""));
  if (units.size > 1) {
    out.note = `not comparable: units differ (${[...units].map((u) => u || "none").join(", ")})`;
    return out;
  }
  if (basis === "change" && new Set(targets.map(([, i]) => i.target.change)).size > 1) {
    out.note = "not comparable: one target is an increase, another a decrease";
    return out;
  }
  // ambition as one number where larger means more ambitious
  const ambition = (i: Indicator & { target: NonNullable<Indicator["target"]> }): number => {
    const v = i.target.value!;
    if (basis === "change") {
      const decreaseWanted = row.better === "lower";
      return (i.target.change === "decrease") === decreaseWanted ? v : -v;
    }
    return row.better === "lower" ? -v : v;
  };
  const ranked = targets.map(([slug, i]) => ({ slug, value: i.target.value!, score: ambition(i) })).sort((a, b) => b.score - a.score);
  out.basis = basis;
  out.ranking = ranked.map(({ slug, value }) => ({ slug, value }));
  const top = ranked[0]!.score;
  out.mostAmbitious = ranked[0]!.score === ranked[ranked.length - 1]!.score ? [] : ranked.filter((r) => r.score === top).map((r) => r.slug);
  if (out.mostAmbitious.length === 0) out.note = "same target";
  return out;
}
