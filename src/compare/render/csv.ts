// The CSV format: one row per aligned indicator, a group of columns per county (UTF-8 with BOM,
// formula-neutralized, like the dataset's CSVs). Beyond SIDE_BY_SIDE_MAX counties a column group per
// county would make thousands of columns: there it is long instead, one row per indicator and county
// that has it.
import { csv } from "../../csv.js";
import { sideBySide, type Comparison } from "../model.js";
import { columnNames } from "./common.js";

const PER_COUNTY = ["name", "baseline", "target", "target_op", "target_value", "target_unit", "target_change", "five_year_average", "nature", "department"];

export function renderCsv(c: Comparison): string {
  if (!sideBySide(c.overview.length)) return renderLongCsv(c);
  const cols = columnNames(c);
  const header = ["key", "indicator", "period", "canonical_id", "alignment", "similarity", "better", ...cols.flatMap(({ slug }) => PER_COUNTY.map((f) => `${slug}_${f}`)), "basis", "most_ambitious", "nature_mismatch", "average_mismatch", "note"];
  const rows = c.indicators.map((r) => [
    r.key,
    r.label,
    r.period,
    r.canonicalId,
    r.alignment,
    r.similarity,
    r.better,
    ...cols.flatMap(({ slug }) => {
      const i = r.values[slug];
      if (!i) return PER_COUNTY.map(() => null);
      const t = i.target;
      return [i.name, i.baseline?.raw, t?.raw, t?.op, t?.value, t?.unit, t?.change, t?.fiveYearAverage, i.nature, i.department];
    }),
    r.comparison.basis,
    r.comparison.mostAmbitious.join(";"),
    r.comparison.natureMismatch,
    r.comparison.averageMismatch,
    r.comparison.note,
  ]);
  return csv(header, rows);
}

/**
 * One row per aligned indicator and column that has it, in the indicators' order and the columns'
 * order: the row's fields, the county's (or the reference's) value, its rank among the compared
 * targets (1 = most ambitious) and the row's verdict.
 */
function renderLongCsv(c: Comparison): string {
  const cols = columnNames(c);
  const header = ["key", "indicator", "period", "canonical_id", "alignment", "similarity", "better", "county", ...PER_COUNTY, "rank", "most_ambitious", "basis", "nature_mismatch", "average_mismatch", "note"];
  const column = new Map(cols.map((x, i) => [x.slug, i]));
  const rows = c.indicators.flatMap((r) => {
    // equal targets share a rank (1, 2, 2, 4): within a compared row equal figures are equally ambitious
    const rank = new Map<string, number>();
    r.comparison.ranking.forEach((x, i, all) => rank.set(x.slug, i > 0 && all[i - 1]!.value === x.value ? rank.get(all[i - 1]!.slug)! : i + 1));
    const ahead = new Set(r.comparison.mostAmbitious);
    return Object.entries(r.values)
      .filter((e): e is [string, NonNullable<(typeof e)[1]>] => e[1] !== null)
      .sort((p, q) => (column.get(p[0]) ?? Infinity) - (column.get(q[0]) ?? Infinity))
      .map(([slug, i]) => {
        const t = i.target;
        return [
          r.key, r.label, r.period, r.canonicalId, r.alignment, r.similarity, r.better, slug,
          i.name, i.baseline?.raw, t?.raw, t?.op, t?.value, t?.unit, t?.change, t?.fiveYearAverage, i.nature, i.department,
          rank.get(slug) ?? null, ahead.has(slug), r.comparison.basis, r.comparison.natureMismatch, r.comparison.averageMismatch, r.comparison.note,
        ];
      });
  });
  return csv(header, rows);
}
