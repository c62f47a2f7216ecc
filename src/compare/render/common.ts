// Helpers every text format of a Comparison shares.
import type { Value } from "../../model.js";
import type { AlignedIndicator, Comparison } from "../model.js";

export const ROLE_LABELS: Record<string, string> = {
  background: "现状与形势 background",
  requirements: "总体要求 requirements",
  tasks: "主要任务 tasks",
  projects: "重点工程 projects",
  safeguards: "保障措施 safeguards",
  other: "其他 other",
};

/** Column names: the county's own name, or the reference's. */
export function columnNames(c: Comparison): Array<{ slug: string; name: string }> {
  const cols = c.overview.map((o) => ({ slug: o.slug, name: o.county }));
  if (c.against === "national") cols.push({ slug: "national", name: "全国 national" });
  return cols;
}

export function showValue(v: Value | null | undefined): string {
  return v ? v.raw : "";
}

/** "下降15% (2020: 27)" — a target, with its baseline when the table gives one. */
export function targetCell(row: AlignedIndicator, slug: string): string {
  const i = row.values[slug];
  if (!i) return "·";
  const target = showValue(i.target) || "—";
  const base = showValue(i.baseline);
  return base ? `${target} (基数 ${base})` : target;
}

export function alignmentLabel(row: AlignedIndicator): string {
  if (row.alignment === "similar") return `similar ${row.similarity?.toFixed(2)}`;
  return row.alignment;
}

/** Flags of a row, in words: who asks more, and the mismatches a reader must know. */
export function verdict(row: AlignedIndicator, names: Map<string, string>): string {
  const parts: string[] = [];
  const cmp = row.comparison;
  if (cmp.mostAmbitious.length > 0) parts.push(`${cmp.mostAmbitious.map((s) => names.get(s) ?? s).join(", ")} more ambitious`);
  if (cmp.note) parts.push(cmp.note);
  if (cmp.natureMismatch) parts.push("binding vs expected");
  if (cmp.averageMismatch) parts.push("5-yr average vs end-of-period");
  return parts.join("; ");
}

export function formatInvestment(n: number | null, unit: string | null): string {
  return n === null ? "" : `${n}${unit ?? ""}`;
}

/** The best matches of one county's tasks in another's, strongest first. */
export function topMatches(c: Comparison, from: string, to: string, n = 10) {
  return c.topics.matches
    .filter((m) => m.from === from && m.to === to && m.match !== null)
    .sort((a, b) => b.score - a.score || a.task.chapter - b.task.chapter || a.task.no - b.task.no)
    .slice(0, n);
}
