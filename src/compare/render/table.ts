// The terminal format: sections of CJK-width-aware tables (cli-table3) sized to the terminal, with
// color by chalk when the stream takes it.
import type { ChalkInstance } from "chalk";
import { table, wrapToWidth } from "../../commands/ui.js";
import type { Comparison } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, targetCell, topMatches, verdict } from "./common.js";

export interface TableOptions {
  /** terminal width in columns */
  width: number;
  chalk: ChalkInstance;
}

/** Column widths that add up to the terminal width: a label column, one per county, a verdict column. */
function widths(total: number, counties: number, withVerdict: boolean): number[] {
  const borders = counties + (withVerdict ? 3 : 2);
  const usable = Math.max(40, total - borders);
  const label = Math.max(14, Math.min(30, Math.floor(usable * 0.28)));
  const verdictWidth = withVerdict ? Math.max(14, Math.floor(usable * 0.22)) : 0;
  const each = Math.max(10, Math.floor((usable - label - verdictWidth) / counties));
  return withVerdict ? [label, ...Array(counties).fill(each), verdictWidth] : [label, ...Array(counties).fill(each)];
}

export function renderTable(c: Comparison, o: TableOptions): string {
  const { chalk } = o;
  const cols = columnNames(c);
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const counties = c.overview.map((x) => x.slug);
  const heading = (s: string) => chalk.bold.cyan(s);
  const out: string[] = [];

  out.push(chalk.bold(c.overview.map((x) => `${x.county} (${x.slug})`).join("  vs  ")));
  out.push("", heading("Overview"));
  const field = (label: string, get: (i: number) => string | number | null) => [label, ...c.overview.map((_, i) => String(get(i) ?? ""))];
  out.push(
    table(["", ...c.overview.map((x) => x.county)], [
      field("title", (i) => c.overview[i]!.title),
      field("issuer", (i) => c.overview[i]!.issuer),
      field("doc number", (i) => c.overview[i]!.docNumber),
      field("date", (i) => c.overview[i]!.issuedDate),
      field("sources", (i) => c.overview[i]!.sources.join("\n")),
      field("characters", (i) => c.overview[i]!.chars),
      field("chapters / tasks", (i) => `${c.overview[i]!.chapters} / ${c.overview[i]!.tasks}`),
      field("indicators / projects", (i) => `${c.overview[i]!.indicators} / ${c.overview[i]!.projects}`),
    ], { colWidths: widths(o.width, c.overview.length, false) }),
  );

  const shared = c.indicators.filter((r) => counties.filter((s) => r.values[s]).length > 1);
  out.push("", heading(`Indicators: ${shared.length} shared, ${c.indicators.length} in all`));
  const rows = c.indicators.map((r) => {
    const label = `${r.label}${r.period === "13th" ? chalk.dim(" (13th)") : ""}\n${chalk.dim(alignmentLabel(r))}`;
    const cells = cols.map(({ slug }) => {
      const text = targetCell(r, slug);
      return r.comparison.mostAmbitious.includes(slug) ? chalk.green(text) : text;
    });
    const v = verdict(r, names);
    return [label, ...cells, r.comparison.natureMismatch || r.comparison.averageMismatch ? chalk.yellow(v) : v];
  });
  out.push(table(["indicator", ...cols.map((x) => x.name), "comparison"], rows, { colWidths: widths(o.width, cols.length, true) }));

  out.push("", heading("Projects by theme"));
  out.push(
    table(
      ["theme", ...c.overview.map((x) => x.county)],
      c.projects.map((t) => [
        t.label,
        ...counties.map((s) => {
          const cell = t.counties[s]!;
          if (cell.count === 0) return "·";
          const money = formatInvestment(cell.investment, cell.investmentUnit);
          return `${cell.count}${money ? ` (${money})` : ""}\n${chalk.dim(cell.names.slice(0, 3).join("、") + (cell.names.length > 3 ? "…" : ""))}`;
        }),
      ]),
      { colWidths: widths(o.width, counties.length, false) },
    ),
  );

  out.push("", heading("Plan shape (chapters / sections / tasks)"));
  out.push(
    table(
      ["role", ...c.overview.map((x) => x.county)],
      c.shape.map((r) => [ROLE_LABELS[r.role] ?? r.role, ...counties.map((s) => {
        const x = r.counties[s]!;
        return x.chapters === 0 ? "·" : `${x.chapters} / ${x.sections} / ${x.tasks}`;
      })]),
    ),
  );

  out.push("", heading("Task topics"));
  out.push(wrapToWidth(`shared: ${c.topics.shared.join(" ")}`, o.width));
  for (const s of counties) out.push(wrapToWidth(`only ${names.get(s)}: ${c.topics.only[s]!.join(" ")}`, o.width));
  // two task columns of a county's width each, and a narrow score column
  const taskWidth = widths(o.width, 2, false)[1]!;
  for (let i = 0; i < counties.length; i++)
    for (let j = i + 1; j < counties.length; j++) {
      const from = counties[i]!;
      const to = counties[j]!;
      out.push("", heading(`Closest tasks: ${names.get(from)} → ${names.get(to)}`));
      out.push(
        table(
          [names.get(from)!, names.get(to)!, "score"],
          topMatches(c, from, to).map((m) => [m.task.title, m.match!.title, m.score.toFixed(2)]),
          { colWidths: [taskWidth, taskWidth, 7] },
        ),
      );
    }
  return out.join("\n") + "\n";
}
