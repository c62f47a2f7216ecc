// What the text formats show for a comparison of more counties than fit side by side (see
// SIDE_BY_SIDE_MAX): a column per county would be unreadable (2,000 columns) and pairs of counties
// unprintable (two million), so the table, Markdown and HTML formats show one row per county and one
// row per indicator, theme, chapter role and topic with aggregated columns. JSON and CSV stay
// complete; this file only digests a Comparison for the eye.
import type { AlignedIndicator, Comparison } from "../model.js";
import { ROLE_LABELS } from "./common.js";

/** Cells listing counties name this many and count the rest. */
const NAMED = 3;
/** Distinct targets shown per indicator, most common first. */
const TARGETS = 3;
/** Topic words shown, most widespread first. */
export const TOPIC_ROWS = 30;

export interface CountyLine {
  slug: string;
  county: string;
  date: string;
  chars: number;
  shape: string;
  indicators: number;
  projects: number;
  /** total project investment where the plan's tables give one */
  investment: string;
  /** aligned indicators on which the county's target is (one of) the most ambitious */
  ahead: number;
  /** its most frequent task keywords */
  topics: string;
}

export interface IndicatorLine {
  row: AlignedIndicator;
  label: string;
  /** counties (not references) that have the indicator */
  counties: number;
  /** the most common targets as printed, with how many counties print each */
  targets: string;
  /** the reference column's target (national), when asked for */
  reference: string;
  ahead: string;
  note: string;
}

export interface ThemeLine {
  label: string;
  counties: number;
  projects: number;
  investment: string;
  most: string;
}

export interface ShapeLine {
  label: string;
  counties: number;
  /** medians over the counties that have chapters of the role */
  median: string;
}

export interface Digest {
  title: string;
  counties: CountyLine[];
  indicators: IndicatorLine[];
  themes: ThemeLine[];
  shape: ShapeLine[];
  shared: string[];
  topics: Array<{ word: string; counties: number; tasks: number }>;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Lower median: an element of the list, so no fractions appear that no county has. */
function median(xs: number[]): number {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)]!;
}

/** "A, B, C +12": a few names and how many more. */
export function someOf(names: string[], n = NAMED): string {
  return names.length <= n ? names.join(", ") : `${names.slice(0, n).join(", ")} +${names.length - n}`;
}

const money = (wan: number) => `${Number(wan.toFixed(2))}万元`;

export function digest(c: Comparison): Digest {
  const names = new Map(c.overview.map((o) => [o.slug, o.county]));
  const place = new Map(c.overview.map((o, i) => [o.slug, i]));
  const isCounty = (slug: string) => names.has(slug);

  const ahead = new Map<string, number>();
  for (const r of c.indicators) for (const s of r.comparison.mostAmbitious) ahead.set(s, (ahead.get(s) ?? 0) + 1);
  const investment = new Map<string, number>();
  for (const t of c.projects)
    for (const [s, cell] of Object.entries(t.counties)) if (cell.investment !== null) investment.set(s, (investment.get(s) ?? 0) + cell.investment);

  const counties = c.overview.map<CountyLine>((o) => ({
    slug: o.slug,
    county: o.county,
    date: o.issuedDate ?? "",
    chars: o.chars,
    shape: `${o.chapters} / ${o.sections} / ${o.tasks}`,
    indicators: o.indicators,
    projects: o.projects,
    investment: investment.has(o.slug) ? money(investment.get(o.slug)!) : "",
    ahead: ahead.get(o.slug) ?? 0,
    topics: (c.topics.keywords[o.slug] ?? []).slice(0, 5).map((k) => k.word).join(" "),
  }));

  const indicators = c.indicators.map<IndicatorLine>((r) => {
    const tally = new Map<string, number>();
    let present = 0;
    for (const [s, v] of Object.entries(r.values)) {
      if (!v || !isCounty(s)) continue;
      present++;
      const raw = v.target?.raw ?? "—";
      tally.set(raw, (tally.get(raw) ?? 0) + 1);
    }
    const common = [...tally.entries()].sort((a, b) => b[1] - a[1] || byText(a[0], b[0]));
    const shown = common.slice(0, TARGETS).map(([raw, n]) => `${raw} ×${n}`);
    if (common.length > TARGETS) shown.push(`… ${common.length} distinct`);
    const reference = Object.entries(r.values).find(([s, v]) => v && !isCounty(s))?.[1]?.target?.raw ?? "";
    const cmp = r.comparison;
    const leaders = cmp.mostAmbitious.map((s) => names.get(s) ?? (s === "national" ? "全国" : s));
    const note = [cmp.note, cmp.natureMismatch ? "binding vs expected" : null, cmp.averageMismatch ? "5-yr average vs end-of-period" : null]
      .filter((x): x is string => !!x)
      .join("; ");
    return {
      row: r,
      label: r.label,
      counties: present,
      targets: shown.join("; "),
      reference,
      ahead: leaders.length ? `${someOf(leaders)}${leaders.length > 1 ? ` (${leaders.length})` : ""}` : "",
      note,
    };
  });

  const themes = c.projects.map<ThemeLine>((t) => {
    const cells = Object.entries(t.counties).filter(([, x]) => x.count > 0);
    const total = cells.reduce((n, [, x]) => n + (x.investment ?? 0), 0);
    const most = [...cells].sort((a, b) => b[1].count - a[1].count || place.get(a[0])! - place.get(b[0])!);
    return {
      label: t.label,
      counties: cells.length,
      projects: cells.reduce((n, [, x]) => n + x.count, 0),
      investment: cells.some(([, x]) => x.investment !== null) ? money(total) : "",
      most: someOf(most.map(([s, x]) => `${names.get(s) ?? s} ${x.count}`)),
    };
  });

  const shape = c.shape.map<ShapeLine>((r) => {
    const having = Object.values(r.counties).filter((x) => x.chapters > 0);
    const m = (f: (x: (typeof having)[number]) => number) => median(having.map(f));
    return {
      label: ROLE_LABELS[r.role] ?? r.role,
      counties: having.length,
      median: `${m((x) => x.chapters)} / ${m((x) => x.sections)} / ${m((x) => x.tasks)}`,
    };
  });

  return {
    title: `${c.overview.length} 个县（市、区）应急管理“十四五”规划对比${c.against === "national" ? " · 对照全国规划" : ""}`,
    counties,
    indicators,
    themes,
    shape,
    shared: c.topics.shared,
    topics: (c.topics.coverage ?? []).slice(0, TOPIC_ROWS),
  };
}
