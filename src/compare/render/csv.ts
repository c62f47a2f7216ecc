// The CSV format: one row per aligned indicator, a group of columns per county (UTF-8 with BOM,
// formula-neutralized, like the dataset's CSVs).
import { csv } from "../../dataset/emit.js";
import type { Comparison } from "../model.js";
import { columnNames } from "./common.js";

const PER_COUNTY = ["name", "baseline", "target", "target_op", "target_value", "target_unit", "target_change", "five_year_average", "nature", "department"];

export function renderCsv(c: Comparison): string {
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
