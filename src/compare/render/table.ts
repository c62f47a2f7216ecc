// The terminal format: sections of CJK-width-aware tables (cli-table3) sized to the terminal, with
// color by chalk when the stream takes it.
import type { ChalkInstance } from "chalk";
import { displayWidth } from "../../text/chars.js";
import { fitWidths, table, wrapToWidth } from "../../term.js";
import { sideBySide, type Comparison } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, targetCell, topMatches, verdict } from "./common.js";
import { digest } from "./many.js";

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
  if (!sideBySide(c.overview.length)) return renderManyTable(c, o);
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
      field("level / domain", (i) => `${c.overview[i]!.level} / ${c.overview[i]!.domain}`),
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

/**
 * Columns of fixed widths and one flexible column that takes what is left; while the table is wider
 * than the terminal, the optional columns go, last-listed first.
 */
function fitColumns<T>(total: number, cols: Array<{ head: string; width: number; flex?: boolean; optional?: number; clip?: boolean; cell: (x: T) => string }>) {
  const kept = [...cols];
  const need = () => kept.reduce((n, c) => n + (c.flex ? 12 : c.width), 0) + kept.length + 1;
  const optional = cols.filter((c) => c.optional !== undefined).sort((a, b) => b.optional! - a.optional!);
  while (need() > total && optional.length) kept.splice(kept.indexOf(optional.shift()!), 1);
  const flex = kept.find((c) => c.flex);
  if (flex) flex.width = Math.max(12, total - (need() - 12));
  // a clipped cell keeps the words of its first line, so that a row stays one line
  const clip = (c: (typeof kept)[number], text: string) => (c.clip ? wrapToWidth(text, Math.max(1, c.width - 2)).split("\n")[0]! : text);
  return { head: kept.map((c) => c.head), widths: kept.map((c) => c.width), row: (x: T) => kept.map((c) => clip(c, c.cell(x))) };
}

/** Rows per cli-table3 table: its layout checks each cell against the cells before it, so its time grows with the square of the rows. */
const CHUNK = 100;

/**
 * A table of any number of rows: fixed column widths let tables of CHUNK rows be stacked into one,
 * the header kept from the first, the bottom border from the last.
 */
function longTable(head: string[], rows: string[][], widths: number[]): string {
  if (rows.length <= CHUNK) return table(head, rows, { colWidths: widths });
  const fitted = fitWidths(head, rows, widths);
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    const lines = table(head, rows.slice(i, i + CHUNK), { colWidths: fitted, exact: true }).split("\n");
    const body = i === 0 ? 0 : lines.findIndex((l) => l.startsWith("├")) + 1;
    const end = i + CHUNK >= rows.length ? lines.length : lines.length - 1;
    parts.push(...lines.slice(body, end));
  }
  return parts.join("\n");
}

/** Many counties: one row per county, then one row per indicator, theme, role and topic (see many.ts). */
function renderManyTable(c: Comparison, o: TableOptions): string {
  const { chalk } = o;
  const d = digest(c);
  const heading = (s: string) => chalk.bold.cyan(s);
  const out: string[] = [chalk.bold(d.title), ""];
  const tableOf = <T>(t: ReturnType<typeof fitColumns<T>>, xs: T[]) => longTable(t.head, xs.map(t.row), t.widths);

  out.push(heading(`Counties: ${d.counties.length}`), chalk.dim(wrapToWidth("ahead: on how many indicators the county's target is the most ambitious · ch/sec/tasks: chapters, sections, tasks", o.width)));
  type County = (typeof d.counties)[number];
  const counties = fitColumns<County>(o.width, [
    // as wide as the longest name and slug, within reason
    { head: "county", width: Math.min(20, Math.max(8, ...d.counties.map((x) => displayWidth(x.county) + 2))), cell: (x) => x.county },
    { head: "slug", width: Math.min(24, Math.max(6, ...d.counties.map((x) => x.slug.length + 2))), cell: (x) => x.slug },
    { head: "date", width: 12, optional: 5, cell: (x) => x.date },
    { head: "chars", width: 8, optional: 4, cell: (x) => String(x.chars) },
    { head: "ch/sec/tasks", width: 14, cell: (x) => x.shape },
    { head: "ind.", width: 6, cell: (x) => String(x.indicators) },
    { head: "proj.", width: 7, cell: (x) => String(x.projects) },
    { head: "investment", width: 15, optional: 2, cell: (x) => x.investment },
    { head: "ahead", width: 7, optional: 1, cell: (x) => String(x.ahead) },
    { head: "top topics", width: 0, flex: true, optional: 3, clip: true, cell: (x) => x.topics },
  ]);
  out.push(tableOf(counties, d.counties));

  const shared = d.indicators.filter((x) => x.counties > 1).length;
  out.push("", heading(`Indicators: ${shared} shared, ${d.indicators.length} in all`));
  type Line = (typeof d.indicators)[number];
  const share = (f: number) => Math.max(10, Math.floor((o.width - 7 - 10 - (c.against ? 12 : 0)) * f));
  const indicators = fitColumns<Line>(o.width, [
    { head: "indicator", width: share(0.26), cell: (x) => `${x.label}${x.row.period === "13th" ? chalk.dim(" (13th)") : ""}\n${chalk.dim(alignmentLabel(x.row))}` },
    { head: "counties", width: 10, cell: (x) => String(x.counties) },
    ...(c.against ? [{ head: "全国 national", width: 12, cell: (x: Line) => x.reference }] : []),
    { head: "targets (×counties)", width: share(0.32), cell: (x) => x.targets },
    { head: "most ambitious", width: share(0.22), cell: (x) => chalk.green(x.ahead) },
    { head: "comparison", width: 0, flex: true, cell: (x) => (x.row.comparison.natureMismatch || x.row.comparison.averageMismatch ? chalk.yellow(x.note) : x.note) },
  ]);
  out.push(tableOf(indicators, d.indicators));

  out.push("", heading("Projects by theme"));
  type Theme = (typeof d.themes)[number];
  out.push(
    tableOf(
      fitColumns<Theme>(o.width, [
        { head: "theme", width: 20, cell: (x) => x.label },
        { head: "counties", width: 10, cell: (x) => String(x.counties) },
        { head: "projects", width: 10, cell: (x) => String(x.projects) },
        { head: "investment", width: 16, optional: 1, cell: (x) => x.investment },
        { head: "most projects", width: 0, flex: true, cell: (x) => x.most },
      ]),
      d.themes,
    ),
  );

  out.push("", heading("Plan shape (median chapters / sections / tasks of the counties with the role)"));
  out.push(table(["role", "counties", "median"], d.shape.map((x) => [x.label, String(x.counties), x.median])));

  out.push("", heading("Task topics"));
  out.push(wrapToWidth(`shared by every county: ${d.shared.join(" ") || "—"}`, o.width));
  out.push(table(["topic", "counties", "tasks"], d.topics.map((x) => [x.word, String(x.counties), String(x.tasks)])));
  return out.join("\n") + "\n";
}
