// The HTML format: one self-contained page (inline CSS and SVG, no script, no network) to look at
// rather than read. Indicators sit on one scale of ambition each (further right is stricter),
// projects and plan shape are small bar charts, drawn at build time (charts.ts). Beyond
// SIDE_BY_SIDE_MAX counties the page takes its many-county form (html-many.ts).
import { citation } from "../../model.js";
import { sideBySide, type AlignedIndicator, type Comparison, type TaskMatch } from "../model.js";
import { ambitionChart, columnStyles, groupedBars, type BarGroup, type ColumnStyle } from "./charts.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, topMatches } from "./common.js";
import { renderManyHtml } from "./html-many.js";
import { esc, named, renderPage, type PageInfo } from "./html-page.js";

/** Below this width (CSS px) a county's value column squeezes its text; the table scrolls instead. */
const VALUE_COLUMN_MIN = 150;
const NAME_COLUMN_PHONE = 90;
const CHART_COLUMN_PHONE = 250;
/** From this many value columns the indicator table is wider than a laptop's page and scrolls sideways there too. */
const WIDE_FROM = 5;

/** Flags a reader must see beside a comparison: mismatched natures and periods of the targets. */
function flags(r: AlignedIndicator): string {
  return [
    r.comparison.natureMismatch ? `<span class="flag">约束性/预期性不一致 binding vs expected</span>` : "",
    r.comparison.averageMismatch ? `<span class="flag">五年平均/期末值不一致 5-yr average vs end-of-period</span>` : "",
  ].join("");
}

/** What the row is, under its name: its period when not the 14th, how it was aligned when not by the catalog. */
function rowKind(r: AlignedIndicator): string {
  const period = r.period === "13th" ? `<span class="pill">十三五</span>` : "";
  const kind = r.alignment === "similar" ? `<div class="kind similar">名称相近 ${esc(alignmentLabel(r))}</div>` : r.alignment === "single" ? `<div class="kind">仅一方 single</div>` : "";
  return `${period}${kind}`;
}

function valueCell(row: AlignedIndicator, slug: string): string {
  const i = row.values[slug];
  if (!i) return `<td class="none">·</td>`;
  const target = i.target?.raw ?? "—";
  const ahead = row.comparison.mostAmbitious.includes(slug);
  const avg = i.target?.fiveYearAverage ? `<span class="pill">五年平均</span>` : "";
  const base = i.baseline ? `<div class="base">基数 ${esc(i.baseline.raw)}</div>` : "";
  const nature = i.nature ? `<div class="base">${i.nature === "binding" ? "约束性 binding" : "预期性 expected"}</div>` : "";
  const name = i.name !== row.label ? `<div class="printed" title="原文名称 as printed">${esc(i.name)}</div>` : "";
  // where the row was read, as text, so that a printed page cites its source too
  const at = i.at ? `<div class="at">出处 ${esc(citation(i.at)).replace(/[:;]/g, "$&<wbr>")}</div>` : "";
  return `<td><span class="target${ahead ? " ahead" : ""}">${esc(target)}</span>${avg}${base}${nature}${name}${at}</td>`;
}

/** Who asks more, or why the targets could not be put on one scale; the mismatches are flags. */
function ambitionNote(r: AlignedIndicator, names: Map<string, string>): string {
  const cmp = r.comparison;
  const who = cmp.mostAmbitious.length ? `${cmp.mostAmbitious.map((s) => names.get(s) ?? s).join("、")} 更严 more ambitious` : "";
  const note = cmp.note === "same target" ? "目标相同 same target" : (cmp.note ?? "");
  return [who, note].filter(Boolean).join("; ");
}

function indicatorSection(c: Comparison, cols: ColumnStyle[]): string {
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const rows = c.indicators
    .map((r) => {
      const chart = r.comparison.scale ? ambitionChart(r, cols) : "";
      return `<tr><td class="key"><strong>${esc(r.label)}</strong>${rowKind(r)}</td><td>${chart}<div class="verdict">${esc(ambitionNote(r, names))}</div>${flags(r)}</td>${cols.map(({ slug }) => valueCell(r, slug)).join("")}</tr>`;
    })
    .join("\n");
  const phoneWidth = NAME_COLUMN_PHONE + CHART_COLUMN_PHONE + cols.length * VALUE_COLUMN_MIN;
  return `<p class="lead">每行一个对齐的指标。图中各方目标落在同一把“严格程度”尺上：<b>越靠右越严</b>（下降幅度越大、死亡率越低、覆盖率越高都在右边），▲ 与 <span class="sample">▲ 最严</span> 标出目标最严的一方；右侧各列为原文目标、基数、性质、原文名称与出处（文件:行 p.页）。
Each row is one aligned measure; every target sits on one scale where further right is stricter.</p>
<div class="scroll${cols.length >= WIDE_FROM ? " wide" : ""}"><table class="indicators" style="--min:${phoneWidth}px"><colgroup><col class="name"><col class="chart">${cols.map(() => `<col>`).join("")}</colgroup>
<thead><tr><th class="key">指标 measure</th><th>目标 · 越靠右越严 →</th>${cols.map((x) => `<th>${named(x)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table></div>`;
}

function investmentText(n: number | null, unit: string | null): string {
  return n === null ? "未列 n/a" : formatInvestment(n, unit);
}

function projectSection(c: Comparison, counties: ColumnStyle[]): string {
  const counts: BarGroup[] = c.projects.map((t) => ({
    label: t.label,
    bars: counties.map(({ slug }) => ({ slug, value: t.counties[slug]?.count ?? 0, text: `${t.counties[slug]?.count ?? 0} 项` })),
  }));
  const withMoney = c.projects.filter((t) => Object.values(t.counties).some((x) => x.investment !== null));
  const money: BarGroup[] = withMoney.map((t) => ({
    label: t.label,
    bars: counties.map(({ slug }) => {
      const x = t.counties[slug];
      return { slug, value: x?.investment ?? null, text: investmentText(x?.investment ?? null, x?.investmentUnit ?? null) };
    }),
  }));
  const figures = [
    counts.length ? `<figure><figcaption>各主题项目数 projects by theme</figcaption>${groupedBars(counts, counties, "各主题项目数 projects by theme")}</figure>` : "",
    money.length ? `<figure><figcaption>已列投资 investment where the plan gives it (万元)</figcaption>${groupedBars(money, counties, "各主题投资 investment by theme")}</figure>` : "",
  ].join("");
  const rows = c.projects
    .map(
      (t) =>
        `<tr><td class="key"><strong>${esc(t.label)}</strong></td>${counties
          .map(({ slug }) => {
            const cell = t.counties[slug];
            if (!cell || cell.count === 0) return `<td class="none">·</td>`;
            const amount = formatInvestment(cell.investment, cell.investmentUnit);
            return `<td><span class="count">${esc(cell.count)}</span> <span class="base">项${amount ? ` · 投资 ${esc(amount)}` : ""}</span><div class="names">${cell.names.map(esc).join("、")}</div></td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");
  const body = c.projects.length
    ? `<div class="figures">${figures}</div>
<h3>项目名称 names</h3>
<div class="scroll"><table style="--min:${NAME_COLUMN_PHONE + counties.length * 200}px"><colgroup><col class="name">${counties.map(() => `<col>`).join("")}</colgroup><thead><tr><th class="key">主题 theme</th>${counties.map((x) => `<th>${named(x)}</th>`).join("")}</tr></thead><tbody>
${rows}
</tbody></table></div>`
    : `<p class="empty">两份规划都没有列出重点工程 no projects listed</p>`;
  return body;
}

function shapeSection(c: Comparison, counties: ColumnStyle[]): string {
  const measures = [
    { key: "chapters", label: "章 chapters", unit: "章" },
    { key: "sections", label: "节 sections", unit: "节" },
    { key: "tasks", label: "任务 tasks", unit: "项" },
  ] as const;
  const figures = measures.map((m) => {
    const groups: BarGroup[] = c.shape
      .filter((r) => Object.values(r.counties).some((x) => x[m.key] > 0))
      .map((r) => ({
        label: ROLE_LABELS[r.role] ?? r.role,
        bars: counties.map(({ slug }) => {
          const n = r.counties[slug]?.[m.key] ?? 0;
          return { slug, value: n, text: `${n} ${m.unit}` };
        }),
      }));
    return groups.length ? `<figure><figcaption>各部分的${esc(m.label)}</figcaption>${groupedBars(groups, counties, `各部分的${m.label}`)}</figure>` : "";
  });
  return `<p class="lead">各规划按章节角色（现状、总体要求、主要任务、重点工程、保障措施）划分的章、节与任务数。Chapters, sections and tasks by the role of the chapter.</p>
<div class="figures">${figures.join("")}</div>`;
}

function matchTable(c: Comparison, from: ColumnStyle, to: ColumnStyle): string {
  const rows = topMatches(c, from.slug, to.slug).map(
    (m: TaskMatch) =>
      `<tr><td class="from" style="--c:${from.color}">${esc(m.task.title)}</td><td class="from" style="--c:${to.color}">${esc(m.match!.title)}</td><td class="score"><span class="meter" style="width:${Math.round(Math.max(0, Math.min(1, m.score)) * 32)}px"></span>${esc(m.score.toFixed(2))}</td></tr>`,
  );
  const body = rows.length ? rows.join("") : `<tr><td colspan="3" class="empty">没有匹配 no matches</td></tr>`;
  return `<div><h3>${named(from)} → ${named(to)}</h3>
<table><colgroup><col style="width:41%"><col style="width:41%"><col style="width:18%"></colgroup><thead><tr><th>${esc(from.name)} 任务</th><th>${esc(to.name)} 最相近的任务</th><th class="score">相似度</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function words(list: string[]): string {
  return list.length ? `<div class="words">${list.map((w) => `<span>${esc(w)}</span>`).join("")}</div>` : `<div class="empty">—</div>`;
}

function topicSection(c: Comparison, counties: ColumnStyle[]): string {
  const pairs: string[] = [];
  for (let i = 0; i < counties.length; i++)
    for (let j = i + 1; j < counties.length; j++) pairs.push(`<div class="grid2">${matchTable(c, counties[i]!, counties[j]!)}\n${matchTable(c, counties[j]!, counties[i]!)}</div>`);
  return `<h3>共同关键词 shared</h3>${words(c.topics.shared)}
<div class="grid2">${counties.map((s) => `<div><h3>仅 ${named(s)} only</h3>${words(c.topics.only[s.slug] ?? [])}</div>`).join("\n")}</div>
${pairs.join("\n")}`;
}

function overviewSection(c: Comparison, byslug: Map<string, ColumnStyle>): string {
  const dd = (v: string | null) => (v ? esc(v) : `<span class="none">—</span>`);
  const cards = c.overview
    .map((o) => {
      const style = byslug.get(o.slug)!;
      const stats = (
        [
          [o.chars, "字"],
          [o.chapters, "章"],
          [o.sections, "节"],
          [o.tasks, "项任务"],
          [o.indicators, "个指标"],
          [o.projects, "个项目"],
        ] as const
      )
        .map(([n, unit]) => `<div><b>${esc(n)}</b><span>${unit}</span></div>`)
        .join("");
      return `<div class="card" style="--c:${style.color}"><h3>${named(style)} <span class="kind">${esc(o.slug)}</span></h3><dl>
<dt>规划</dt><dd>${dd(o.title)}</dd>
<dt>层级</dt><dd>${dd(`${o.level} · ${o.domain}`)}</dd>
<dt>发布</dt><dd>${dd(o.issuer)}</dd>
<dt>文号</dt><dd>${dd(o.docNumber)}</dd>
<dt>日期</dt><dd>${dd(o.issuedDate)}</dd>
<dt>来源</dt><dd>${o.sources.map(esc).join("<br>")}</dd>
</dl><div class="stats">${stats}</div></div>`;
    })
    .join("\n");
  return `<div class="cards">${cards}</div>`;
}

export function renderHtml(c: Comparison, info: PageInfo): string {
  if (!sideBySide(c.overview.length)) return renderManyHtml(c, info);
  const cols = columnStyles(columnNames(c), c.against);
  const byslug = new Map(cols.map((x) => [x.slug, x]));
  const counties = c.overview.map((o) => byslug.get(o.slug)!);
  const shared = c.indicators.filter((r) => counties.filter((s) => r.values[s.slug]).length > 1).length;
  const title = `${c.overview.map((o) => o.county).join(" · ")}：应急管理“十四五”规划对比`;
  const against = c.against === "national" ? " · 对照全国“十四五”应急体系规划目标 against the national targets" : "";
  return renderPage({
    title,
    sub: `${esc(c.overview.length)} 份规划并排对比 side by side${against}`,
    key: cols,
    info,
    sections: [
      { id: "overview", nav: "概况", heading: "概况 Overview", body: overviewSection(c, byslug) },
      {
        id: "indicators",
        nav: "指标",
        heading: `指标对齐 Indicators <span class="kind">${esc(shared)} 项共有 shared · 共 ${esc(c.indicators.length)} 项</span>`,
        body: indicatorSection(c, cols),
      },
      { id: "projects", nav: "重点工程", heading: "重点工程 Projects by theme", body: projectSection(c, counties) },
      { id: "shape", nav: "规划结构", heading: "规划结构 Plan shape", body: shapeSection(c, counties) },
      { id: "topics", nav: "任务主题", heading: "任务主题 Task topics", body: topicSection(c, counties) },
    ],
  });
}
