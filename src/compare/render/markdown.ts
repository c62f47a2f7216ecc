// The Markdown format: the same sections as the terminal tables, for reports and issue threads.
import type { Comparison } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, targetCell, topMatches, verdict } from "./common.js";

/** Plan text is untrusted and Markdown renders HTML: escape what would become markup or break a cell. */
export function mdCell(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/([\\`*_[\]#|])/g, "\\$1")
    .replace(/\n/g, "<br>");
}

function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(mdCell).join(" | ")} |`;
  return [line(head), `|${head.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

export function renderMarkdown(c: Comparison): string {
  const cols = columnNames(c);
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const counties = c.overview.map((x) => x.slug);
  const out: string[] = [];
  out.push(`# ${mdCell(c.overview.map((x) => x.county).join(" vs "))}`, "");
  out.push("## Overview", "");
  out.push(
    mdTable(["", ...c.overview.map((x) => x.county)], [
      ["title", ...c.overview.map((x) => x.title)],
      ["issuer", ...c.overview.map((x) => x.issuer ?? "")],
      ["doc number", ...c.overview.map((x) => x.docNumber ?? "")],
      ["date", ...c.overview.map((x) => x.issuedDate ?? "")],
      ["sources", ...c.overview.map((x) => x.sources.join(", "))],
      ["characters", ...c.overview.map((x) => String(x.chars))],
      ["chapters / sections / tasks", ...c.overview.map((x) => `${x.chapters} / ${x.sections} / ${x.tasks}`)],
      ["indicators / projects", ...c.overview.map((x) => `${x.indicators} / ${x.projects}`)],
    ]),
    "",
  );
  out.push("## Indicators", "");
  out.push(
    mdTable(
      ["indicator", "period", "aligned by", ...cols.map((x) => x.name), "comparison"],
      c.indicators.map((r) => [r.label, r.period, alignmentLabel(r), ...cols.map(({ slug }) => targetCell(r, slug)), verdict(r, names)]),
    ),
    "",
  );
  out.push("## Projects by theme", "");
  out.push(
    mdTable(
      ["theme", ...c.overview.map((x) => x.county)],
      c.projects.map((t) => [t.label, ...counties.map((s) => {
        const cell = t.counties[s]!;
        const money = formatInvestment(cell.investment, cell.investmentUnit);
        return cell.count === 0 ? "" : `${cell.count}${money ? ` (${money})` : ""}: ${cell.names.join("、")}`;
      })]),
    ),
    "",
  );
  out.push("## Plan shape", "");
  out.push(
    mdTable(
      ["role", ...c.overview.map((x) => `${x.county} chapters / sections / tasks`)],
      c.shape.map((r) => [ROLE_LABELS[r.role] ?? r.role, ...counties.map((s) => `${r.counties[s]!.chapters} / ${r.counties[s]!.sections} / ${r.counties[s]!.tasks}`)]),
    ),
    "",
  );
  out.push("## Task topics", "", `Shared: ${mdCell(c.topics.shared.join(" "))}`, "");
  for (const s of counties) out.push(`Only ${mdCell(names.get(s)!)}: ${mdCell(c.topics.only[s]!.join(" "))}`, "");
  for (let i = 0; i < counties.length; i++)
    for (let j = i + 1; j < counties.length; j++) {
      const from = counties[i]!;
      const to = counties[j]!;
      out.push(`### Closest tasks: ${mdCell(names.get(from)!)} → ${mdCell(names.get(to)!)}`, "");
      out.push(mdTable([names.get(from)!, names.get(to)!, "score"], topMatches(c, from, to).map((m) => [m.task.title, m.match!.title, m.score.toFixed(2)])), "");
    }
  return out.join("\n");
}
