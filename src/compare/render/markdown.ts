// The Markdown format: the same sections as the terminal tables, for reports and issue threads.
import { sideBySide, type Comparison } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, targetCell, topMatches, verdict } from "./common.js";
import { digest } from "./many.js";

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
  if (!sideBySide(c.overview.length)) return renderManyMarkdown(c);
  const cols = columnNames(c);
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const counties = c.overview.map((x) => x.slug);
  const out: string[] = [];
  out.push(`# ${mdCell(c.overview.map((x) => x.county).join(" vs "))}`, "");
  out.push("## Overview", "");
  out.push(
    mdTable(["", ...c.overview.map((x) => x.county)], [
      ["title", ...c.overview.map((x) => x.title ?? "")],
      ["level / domain", ...c.overview.map((x) => `${x.level} / ${x.domain}`)],
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

/** Many counties: one row per county, then one row per indicator, theme, role and topic (see many.ts). */
function renderManyMarkdown(c: Comparison): string {
  const d = digest(c);
  const out: string[] = [`# ${mdCell(d.title)}`, ""];
  out.push(`## Counties (${d.counties.length})`, "", "*ahead*: on how many indicators the county's target is the most ambitious.", "");
  out.push(
    mdTable(
      ["county", "slug", "date", "characters", "chapters / sections / tasks", "indicators", "projects", "investment", "ahead", "top topics"],
      d.counties.map((x) => [x.county, x.slug, x.date, String(x.chars), x.shape, String(x.indicators), String(x.projects), x.investment, String(x.ahead), x.topics]),
    ),
    "",
  );
  out.push(`## Indicators (${d.indicators.filter((x) => x.counties > 1).length} shared, ${d.indicators.length} in all)`, "");
  out.push(
    mdTable(
      ["indicator", "period", "aligned by", "counties", ...(c.against ? ["全国 national"] : []), "targets (× counties)", "most ambitious", "comparison"],
      d.indicators.map((x) => [x.label, x.row.period, alignmentLabel(x.row), String(x.counties), ...(c.against ? [x.reference] : []), x.targets, x.ahead, x.note]),
    ),
    "",
  );
  out.push("## Projects by theme", "");
  out.push(mdTable(["theme", "counties", "projects", "investment", "most projects"], d.themes.map((x) => [x.label, String(x.counties), String(x.projects), x.investment, x.most])), "");
  out.push("## Plan shape", "");
  out.push(mdTable(["role", "counties", "median chapters / sections / tasks"], d.shape.map((x) => [x.label, String(x.counties), x.median])), "");
  out.push("## Task topics", "", `Shared by every county: ${mdCell(d.shared.join(" ") || "—")}`, "");
  out.push(mdTable(["topic", "counties", "tasks"], d.topics.map((x) => [x.word, String(x.counties), String(x.tasks)])), "");
  return out.join("\n");
}
