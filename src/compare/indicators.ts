// Indicators of several counties aligned one to one: by the catalog where it knows the measure, by
// name similarity (reported as such) where it does not. Then, per row, whose target is more ambitious.
import { catalogEntry, matchIndicator, normalizeName } from "../catalog/match.js";
import { ambitionScale, positionOn } from "./ambition.js";
import type { AlignedIndicator, ComparedIndicator, TargetComparison } from "./model.js";

/** Below this bigram similarity two unknown names are different measures. */
export const SIMILAR = 0.75;

export interface Entry {
  slug: string;
  indicator: ComparedIndicator;
}

const PERIOD_ORDER = { "14th": 0, "13th": 1 } as const;

/**
 * One row per measure. Columns are counties (and a reference such as the national plan). `sparse`
 * (for comparisons of many counties) leaves a county out of a row's values where it lacks the
 * indicator, instead of listing it as null: rows × counties nulls would dwarf the data. `references`
 * are columns that are not counties (the national plan).
 */
export function alignIndicators(
  columns: Array<{ slug: string; indicators: ComparedIndicator[] }>,
  options: { sparse?: boolean; references?: ReadonlySet<string> } = {},
): AlignedIndicator[] {
  const slugs = columns.map((c) => c.slug);
  const sparse = options.sparse ?? false;
  const rows: AlignedIndicator[] = [];
  const byKey = new Map<string, AlignedIndicator>();
  const unknown: Entry[] = [];

  const newRow = (key: string, label: string, period: ComparedIndicator["period"], canonicalId: string | null): AlignedIndicator => {
    const entry = canonicalId ? catalogEntry(canonicalId) : null;
    const row: AlignedIndicator = {
      key,
      label,
      period,
      canonicalId,
      alignment: "single",
      similarity: null,
      better: entry?.better ?? null,
      values: sparse ? {} : Object.fromEntries(slugs.map((s) => [s, null])),
      comparison: emptyComparison(),
    };
    rows.push(row);
    byKey.set(key, row);
    return row;
  };

  // the catalog's answer for a name, once per distinct name: many counties print the same names
  const matched = new Map<string, string | null>();
  const idOf = (name: string) => {
    let id = matched.get(name);
    if (id === undefined) matched.set(name, (id = matchIndicator(name)?.id ?? null));
    return id;
  };
  for (const { slug, indicators } of columns) {
    for (const indicator of indicators) {
      const id = indicator.canonicalId ?? idOf(indicator.name);
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
  const pairs = similarPairs(unknown);
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

  // where each indicator stands in its column, looked up once instead of searched per comparison
  const column = new Map(slugs.map((s, i) => [s, i] as const));
  const position = new Map<ComparedIndicator, number>();
  columns.forEach(({ indicators }) => indicators.forEach((v, i) => position.has(v) || position.set(v, i)));
  const order = new Map<AlignedIndicator, { shared: boolean; first: number }>();
  for (const row of rows) {
    if (sparse) {
      // values in column order, whatever order the pairing filled them in
      const entries = Object.entries(row.values).sort((p, q) => column.get(p[0])! - column.get(q[0])!);
      row.values = Object.fromEntries(entries);
    }
    const present = Object.values(row.values).filter((v) => v !== null).length;
    if (row.alignment !== "similar") row.alignment = present > 1 && row.canonicalId ? "catalog" : "single";
    row.comparison = compareTargets(row, options.references);
    // the first column (in column order) with a value, and that value's place in its column
    let col = Infinity;
    let first = Infinity;
    for (const [slug, v] of Object.entries(row.values))
      if (v && column.get(slug)! < col) {
        col = column.get(slug)!;
        first = col * 1000 + position.get(v)!;
      }
    order.set(row, { shared: present > 1, first });
  }
  // Shared rows first, then by period (14th before 13th), then by the first county's order.
  return rows.sort((p, q) => {
    const op = order.get(p)!;
    const oq = order.get(q)!;
    return PERIOD_ORDER[p.period] - PERIOD_ORDER[q.period] || Number(oq.shared) - Number(op.shared) || op.first - oq.first;
  });
}

/**
 * Every pair (a < b) of unknown names of different counties and the same period whose similarity
 * reaches SIMILAR, as comparing every name with every other would find them, without doing so: names
 * are scored once per distinct normalized name, and only names that share one of their rarest
 * character pairs are scored at all (prefix filtering: two sets of sizes x ≤ y with Dice ≥ t share
 * at least t·y/(2−t) members, so some member of each set's prefix of its rarest |set| − that + 1).
 */
export function similarPairs(unknown: Entry[]): Array<{ a: number; b: number; score: number }> {
  interface Name {
    period: string;
    tokens: string[];
    set: Set<string>;
    entries: number[];
  }
  const names: Name[] = [];
  const byName = new Map<string, Name>();
  unknown.forEach((e, i) => {
    const norm = normalizeName(e.indicator.name);
    const key = `${e.indicator.period}\u0000${norm}`;
    let n = byName.get(key);
    if (!n) {
      // character pairs, the k-th repeat of a pair tagged k: a set whose overlaps count pairs as
      // nameSimilarity's multisets do
      const chars = [...norm];
      const seen = new Map<string, number>();
      const tokens: string[] = [];
      for (let j = 0; j + 1 < chars.length; j++) {
        const g = chars[j]! + chars[j + 1]!;
        const k = (seen.get(g) ?? 0) + 1;
        seen.set(g, k);
        tokens.push(`${g}\u0000${k}`);
      }
      n = { period: e.indicator.period, tokens, set: new Set(tokens), entries: [] };
      byName.set(key, n);
      names.push(n);
    }
    n.entries.push(i);
  });
  const frequency = new Map<string, number>();
  for (const n of names) for (const t of n.tokens) frequency.set(t, (frequency.get(t) ?? 0) + 1);
  const rarestFirst = (x: string, y: string) => frequency.get(x)! - frequency.get(y)! || (x < y ? -1 : x > y ? 1 : 0);
  const index = new Map<string, number[]>();
  const out: Array<{ a: number; b: number; score: number }> = [];
  const addPairs = (p: Name, q: Name, score: number) => {
    for (const a of p.entries)
      for (const b of q.entries) {
        if ((p === q && a >= b) || unknown[a]!.slug === unknown[b]!.slug) continue;
        out.push(a < b ? { a, b, score } : { a: b, b: a, score });
      }
  };
  names.forEach((n, i) => {
    const size = n.tokens.length;
    if (size === 0) return; // no character pair: similar to nothing
    // a name is as similar to itself as can be: its entries pair among themselves
    if (n.entries.length > 1) addPairs(n, n, 1);
    // floor, not ceil: a prefix one longer than needed is safe against rounding
    const prefix = Math.min(size, size - Math.floor((SIMILAR * size) / (2 - SIMILAR)) + 1);
    const sorted = [...n.tokens].sort(rarestFirst).slice(0, prefix);
    const candidates = new Set<number>();
    for (const t of sorted) for (const j of index.get(t) ?? []) candidates.add(j);
    for (const j of [...candidates].sort((x, y) => x - y)) {
      const m = names[j]!;
      if (m.period !== n.period) continue;
      let shared = 0;
      for (const t of n.set) if (m.set.has(t)) shared++;
      const score = (2 * shared) / (size + m.tokens.length);
      if (score >= SIMILAR) addPairs(m, n, score);
    }
    for (const t of sorted) {
      const list = index.get(t);
      if (list) list.push(i);
      else index.set(t, [i]);
    }
  });
  return out;
}

function emptyComparison(): TargetComparison {
  return { basis: null, ranking: [], scale: null, mostAmbitious: [], note: null, natureMismatch: false, averageMismatch: false };
}

type Targeted = [string, ComparedIndicator & { target: NonNullable<ComparedIndicator["target"]> }];

/**
 * Whose target asks more. Relative targets (下降15%) compare with relative ones, levels (<0.01) with
 * levels in the same unit; a measure's direction (lower or higher is better) says which way is ahead.
 * A reference column (`references`, the national plan) whose target cannot share the counties' scale
 * is left off it, with a note, rather than leaving the counties uncompared.
 */
export function compareTargets(row: AlignedIndicator, references: ReadonlySet<string> = new Set()): TargetComparison {
  const out = emptyComparison();
  const present = Object.entries(row.values).filter((e): e is [string, ComparedIndicator] => e[1] !== null);
  const natures = new Set(present.map(([, i]) => i.nature).filter((n) => n !== null));
  out.natureMismatch = natures.size > 1;
  const targets = present.filter(([, i]) => i.target && i.target.value !== null) as Targeted[];
  const averages = new Set(targets.map(([, i]) => i.target.fiveYearAverage));
  out.averageMismatch = averages.size > 1;
  if (targets.length < 2) return out;
  if (row.better === null) {
    out.note = "direction of the measure unknown";
    return out;
  }
  const all = rank(targets, row.better);
  if ("basis" in all) return { ...out, ...all, note: all.mostAmbitious.length ? null : "same target" };
  const counties = targets.filter(([slug]) => !references.has(slug));
  const among = counties.length >= 2 && counties.length < targets.length ? rank(counties, row.better) : null;
  if (!among || !("basis" in among)) return { ...out, note: all.note };
  const left = targets.filter(([slug]) => references.has(slug)).map(([slug]) => slug);
  return { ...out, ...among, note: `${left.join(", ")} off the scale (${all.note})${among.mostAmbitious.length ? "" : "; same target"}` };
}

/** Targets on one scale, most ambitious first; or why they cannot share one. */
function rank(
  targets: Targeted[],
  better: "lower" | "higher",
): Pick<TargetComparison, "ranking" | "mostAmbitious"> & { basis: "change" | "level"; scale: NonNullable<TargetComparison["scale"]> } | { note: string } {
  const kinds = new Set(targets.map(([, i]) => (i.target.change ? "change" : "level")));
  if (kinds.size > 1) return { note: "not comparable: a relative change against an absolute level" };
  const basis = [...kinds][0] as "change" | "level";
  const units = new Set(targets.map(([, i]) => i.target.unit ?? ""));
  if (units.size > 1) return { note: `not comparable: units differ (${[...units].map((u) => u || "none").join(", ")})` };
  if (basis === "change" && new Set(targets.map(([, i]) => i.target.change)).size > 1) return { note: "not comparable: one target is an increase, another a decrease" };
  const change = basis === "change" ? targets[0]![1].target.change : null;
  // a larger figure asks less: a level where lower is better, or a change against the wanted direction
  const reversed = basis === "level" ? better === "lower" : (change === "decrease") !== (better === "lower");
  // ambition as one number where larger means more ambitious
  const ranked = targets.map(([slug, i]) => ({ slug, value: i.target.value!, score: reversed ? -i.target.value! : i.target.value! })).sort((a, b) => b.score - a.score);
  const scale = ambitionScale(basis, change, [...units][0] || null, reversed, ranked.map((r) => r.value));
  const top = ranked[0]!.score;
  return {
    basis,
    scale,
    ranking: ranked.map(({ slug, value }) => ({ slug, value, position: positionOn(scale, value) })),
    mostAmbitious: top === ranked[ranked.length - 1]!.score ? [] : ranked.filter((r) => r.score === top).map((r) => r.slug),
  };
}
