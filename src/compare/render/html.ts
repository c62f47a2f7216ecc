// The HTML format: one self-contained page (inline CSS and SVG, no script, no network) to look at
// rather than read. Everything that comes from a plan is untrusted and goes through `esc`; the only
// unescaped values in the markup are this file's own constants and numbers it computed.
import type { Value } from "../../model.js";
import { sideBySide, type AlignedIndicator, type Comparison, type TaskMatch } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, topMatches, verdict } from "./common.js";
import { digest } from "./many.js";

/** Escapes text for element content and quoted attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** One restrained color per column, the reference (national) in grey. */
const PALETTE = ["#2f6fb0", "#c2582f", "#3a8f5c", "#8a5aa8", "#b08a2f", "#2f9aa0", "#a83a5f", "#5f6f2f"];
const REFERENCE_COLOR = "#8a8f98";

const CSS = `
:root { --ink: #1d232b; --muted: #66707c; --faint: #b8bec6; --line: #e3e6ea; --bg: #f5f6f8; --card: #fff;
  --good: #1f7a45; --good-bg: #e7f4ec; --warn: #9a5200; --warn-bg: #fff2df; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.6 "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
header { padding: 28px 32px 6px; max-width: 1440px; margin: 0 auto; }
h1 { margin: 0 0 6px; font-size: 24px; font-weight: 650; letter-spacing: .02em; }
h2 { margin: 0 0 4px; font-size: 17px; font-weight: 650; }
h3 { margin: 16px 0 8px; font-size: 14.5px; font-weight: 600; }
.sub { color: var(--muted); margin: 0; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; color: var(--muted); }
main { padding: 10px 32px 40px; display: grid; gap: 20px; max-width: 1440px; margin: 0 auto; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px 20px; min-width: 0; }
.lead { color: var(--muted); font-size: 12.5px; margin: 0 0 12px; }
table { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { position: sticky; top: 0; z-index: 2; background: var(--card); font-weight: 600; color: var(--muted);
  font-size: 12.5px; border-bottom: 1px solid #cfd4da; box-shadow: 0 1px 0 #cfd4da; }
tbody tr:hover td { background: #fafbfc; }
tbody tr:last-child td { border-bottom: 0; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.kind { font-size: 11.5px; color: var(--muted); font-weight: 400; }
.kind.similar { color: var(--warn); }
.target { font-size: 15px; font-variant-numeric: tabular-nums; }
.ahead { font-weight: 650; color: var(--good); background: var(--good-bg); border-radius: 4px; padding: 0 5px; margin-left: -5px; }
.ahead::after { content: " ▲ 最严"; font-size: 10.5px; font-weight: 500; }
.sample { font-weight: 650; color: var(--good); background: var(--good-bg); border-radius: 4px; padding: 0 5px; font-size: 11.5px; }
.base { color: var(--muted); font-size: 12px; }
.printed { color: var(--faint); font-size: 11.5px; }
.none { color: var(--faint); }
.flag { display: inline-block; font-size: 11.5px; padding: 0 7px; border-radius: 9px; background: var(--warn-bg); color: var(--warn); margin: 4px 4px 0 0; }
.verdict { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
.pill { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 8px; padding: 0 5px; margin-left: 4px; font-weight: 400; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 14px; margin-top: 10px; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--c); border-radius: 8px; padding: 12px 14px; }
.card h3 { margin: 0 0 6px; font-size: 16px; }
.card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: 13px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.stats { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 10px; padding-top: 8px; border-top: 1px dashed var(--line); }
.stats b { font-size: 17px; font-variant-numeric: tabular-nums; margin-right: 2px; }
.stats span { color: var(--muted); font-size: 12px; }
.count { font-size: 16px; font-weight: 650; font-variant-numeric: tabular-nums; }
.names { color: var(--muted); font-size: 12px; margin-top: 2px; }
.words { display: flex; flex-wrap: wrap; gap: 4px; }
.words span { background: #eef2f7; border-radius: 4px; padding: 1px 8px; font-size: 12.5px; }
.words.own span { background: color-mix(in srgb, var(--c) 12%, white); }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(360px, 1fr)); gap: 8px 24px; }
.score { font-variant-numeric: tabular-nums; color: var(--muted); text-align: right; white-space: nowrap; overflow-wrap: normal; }
.from { border-left: 3px solid var(--c); }
.meter { display: inline-block; height: 4px; border-radius: 2px; background: #9fb3c8; vertical-align: middle; margin-right: 6px; }
svg.bars { display: block; margin: 2px 0 4px; overflow: visible; }
svg.bars text { font: 11px "PingFang SC", "Noto Sans CJK SC", system-ui, sans-serif; fill: var(--ink); }
.empty { color: var(--faint); font-size: 12.5px; }
@media (max-width: 760px) {
  header, main { padding-left: 12px; padding-right: 12px; }
  section { padding: 14px 12px; overflow-x: auto; }
  table { min-width: 640px; }
}
`;

function swatch(color: string): string {
  return `<span class="swatch" style="background:${color}"></span>`;
}

/** A number as a reader writes it: no float noise (0.30000000000000004 → 0.3). */
function num(n: number): string {
  return String(Number(n.toPrecision(6)));
}

function arrow(v: Value | null | undefined): string {
  return v?.change === "decrease" ? "↓" : v?.change === "increase" ? "↑" : "";
}

/** Bars of the compared target figures of one row, in column order, scaled to the row's largest figure. */
function bars(row: AlignedIndicator, colors: Map<string, string>, names: Map<string, string>): string {
  const ranking = row.comparison.ranking;
  if (row.comparison.basis === null || ranking.length === 0) return "";
  const max = Math.max(...ranking.map((r) => Math.abs(r.value)), 1e-9);
  const order = [...colors.keys()].filter((s) => ranking.some((r) => r.slug === s));
  const h = 13;
  const gap = 4;
  const width = 240;
  const barMax = 150;
  const rows = order.map((slug, i) => {
    const r = ranking.find((x) => x.slug === slug)!;
    const w = Math.max(2, Math.round((Math.abs(r.value) / max) * barMax));
    const y = i * (h + gap);
    const target = row.values[slug]?.target;
    const label = `${arrow(target)}${num(r.value)}${target?.unit ?? ""}`;
    const top = row.comparison.mostAmbitious.includes(slug);
    return (
      `<rect x="0" y="${y}" width="${w}" height="${h}" rx="2" fill="${colors.get(slug)}"><title>${esc(names.get(slug))}: ${esc(label)}</title></rect>` +
      `<text x="${w + 5}" y="${y + 10.5}"${top ? ` font-weight="700"` : ""}>${esc(label)}</text>`
    );
  });
  const height = order.length * (h + gap) - gap;
  const what = row.comparison.basis === "change" ? "目标变化幅度" : "目标值";
  return `<svg class="bars" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`${row.label}：${what}`)}">${rows.join("")}</svg>`;
}

function valueCell(row: AlignedIndicator, slug: string): string {
  const i = row.values[slug];
  if (!i) return `<td class="none">·</td>`;
  const target = i.target?.raw ?? "—";
  const ahead = row.comparison.mostAmbitious.includes(slug) && row.comparison.mostAmbitious.length < row.comparison.ranking.length;
  const avg = i.target?.fiveYearAverage ? `<span class="pill">五年平均</span>` : "";
  const base = i.baseline ? `<div class="base">基数 ${esc(i.baseline.raw)}</div>` : "";
  const nature = i.nature ? `<div class="base">${i.nature === "binding" ? "约束性 binding" : "预期性 expected"}</div>` : "";
  const name = i.name !== row.label ? `<div class="printed" title="原文名称 as printed">${esc(i.name)}</div>` : "";
  return `<td><span class="target${ahead ? " ahead" : ""}">${esc(target)}</span>${avg}${base}${nature}${name}</td>`;
}

function matchTable(c: Comparison, from: string, to: string, colors: Map<string, string>, names: Map<string, string>): string {
  const rows = topMatches(c, from, to).map(
    (m: TaskMatch) =>
      `<tr><td class="from" style="--c:${colors.get(from)}">${esc(m.task.title)}</td><td class="from" style="--c:${colors.get(to)}">${esc(m.match!.title)}</td><td class="score"><span class="meter" style="width:${Math.round(Math.max(0, Math.min(1, m.score)) * 32)}px"></span>${esc(m.score.toFixed(2))}</td></tr>`,
  );
  const body = rows.length ? rows.join("") : `<tr><td colspan="3" class="empty">没有匹配 no matches</td></tr>`;
  return `<div><h3>${swatch(colors.get(from)!)}${esc(names.get(from))} → ${swatch(colors.get(to)!)}${esc(names.get(to))}</h3>
<table><colgroup><col style="width:41%"><col style="width:41%"><col style="width:18%"></colgroup><thead><tr><th>${esc(names.get(from))} 任务</th><th>${esc(names.get(to))} 最相近的任务</th><th class="score">相似度</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

export function renderHtml(c: Comparison): string {
  if (!sideBySide(c.overview.length)) return renderManyHtml(c);
  const cols = columnNames(c);
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const colors = new Map(cols.map((x, i) => [x.slug, x.slug === "national" ? REFERENCE_COLOR : PALETTE[i % PALETTE.length]!]));
  const counties = c.overview.map((o) => o.slug);
  const title = `${c.overview.map((o) => o.county).join(" · ")}：应急管理“十四五”规划对比`;
  const countyHead = (s: string) => `<th>${swatch(colors.get(s)!)}${esc(names.get(s))}</th>`;
  const dd = (v: string | null) => (v ? esc(v) : `<span class="none">—</span>`);

  const overview = c.overview
    .map(
      (o) => `<div class="card" style="--c:${colors.get(o.slug)}"><h3>${esc(o.county)} <span class="kind">${esc(o.slug)}</span></h3><dl>
<dt>规划</dt><dd>${dd(o.title)}</dd>
<dt>层级</dt><dd>${dd(`${o.level} · ${o.domain}`)}</dd>
<dt>发布</dt><dd>${dd(o.issuer)}</dd>
<dt>文号</dt><dd>${dd(o.docNumber)}</dd>
<dt>日期</dt><dd>${dd(o.issuedDate)}</dd>
<dt>来源</dt><dd>${o.sources.map(esc).join("<br>")}</dd>
</dl><div class="stats">${(
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
        .join("")}</div></div>`,
    )
    .join("\n");

  const shared = c.indicators.filter((r) => counties.filter((s) => r.values[s]).length > 1).length;
  const better = (r: AlignedIndicator) => (r.better === "lower" ? " · 越低越好" : r.better === "higher" ? " · 越高越好" : "");
  const indicatorRows = c.indicators
    .map((r) => {
      const flags = [
        r.comparison.natureMismatch ? `<span class="flag">约束性/预期性不一致</span>` : "",
        r.comparison.averageMismatch ? `<span class="flag">五年平均/期末值不一致</span>` : "",
      ].join("");
      const kind = `<div class="kind ${r.alignment}">${esc(alignmentLabel(r))}${r.canonicalId ? ` · ${esc(r.canonicalId)}` : ""}${better(r)}</div>`;
      const period = r.period === "13th" ? `<span class="pill">十三五</span>` : "";
      return `<tr><td><strong>${esc(r.label)}</strong>${period}${kind}</td>${cols.map(({ slug }) => valueCell(r, slug)).join("")}<td>${bars(r, colors, names)}<div class="verdict">${esc(verdict(r, names))}</div>${flags}</td></tr>`;
    })
    .join("\n");
  const valueWidth = Math.floor(50 / cols.length);

  const projectRows = c.projects
    .map(
      (t) =>
        `<tr><td><strong>${esc(t.label)}</strong></td>${counties
          .map((s) => {
            const cell = t.counties[s];
            if (!cell || cell.count === 0) return `<td class="none">·</td>`;
            const money = formatInvestment(cell.investment, cell.investmentUnit);
            return `<td><span class="count">${esc(cell.count)}</span> <span class="base">项${money ? ` · 投资 ${esc(money)}` : ""}</span><div class="names">${cell.names.map(esc).join("、")}</div></td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");

  const shapeRows = c.shape
    .map(
      (r) =>
        `<tr><td>${esc(ROLE_LABELS[r.role] ?? r.role)}</td>${counties
          .map((s) => {
            const x = r.counties[s];
            return !x || x.chapters === 0 ? `<td class="none">·</td>` : `<td>${esc(x.chapters)} 章 · ${esc(x.sections)} 节${x.tasks ? ` · ${esc(x.tasks)} 项任务` : ""}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");

  const words = (list: string[], own = "") =>
    list.length ? `<div class="words${own ? " own" : ""}"${own ? ` style="--c:${own}"` : ""}>${list.map((w) => `<span>${esc(w)}</span>`).join("")}</div>` : `<div class="empty">—</div>`;
  const pairs: string[] = [];
  for (let i = 0; i < counties.length; i++)
    for (let j = i + 1; j < counties.length; j++) {
      const a = counties[i]!;
      const b = counties[j]!;
      pairs.push(`<div class="grid2">${matchTable(c, a, b, colors, names)}\n${matchTable(c, b, a, colors, names)}</div>`);
    }
  const countyCols = `<colgroup><col style="width:16%">${counties.map(() => `<col style="width:${Math.floor(84 / counties.length)}%">`).join("")}</colgroup>`;

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><ul class="legend">${cols.map((x) => `<li>${swatch(colors.get(x.slug)!)}${esc(x.name)}</li>`).join("")}</ul></header>
<main>
<section id="overview"><h2>概况 Overview</h2><div class="cards">${overview}</div></section>
<section id="indicators"><h2>指标对齐 Indicators <span class="kind">${esc(shared)} 项共有 shared · 共 ${esc(c.indicators.length)} 项</span></h2>
<p class="lead">每行一个对齐的指标：各县的目标值（基数、性质、原文名称），<span class="sample">▲ 最严</span> 标出目标最严（最具雄心）的县；条形图为解析出的目标数值，按行内最大值缩放。</p>
<table class="indicators"><colgroup><col style="width:22%">${cols.map(() => `<col style="width:${valueWidth}%">`).join("")}<col style="width:${100 - 22 - valueWidth * cols.length}%"></colgroup>
<thead><tr><th>指标</th>${cols.map((x) => countyHead(x.slug)).join("")}<th>比较</th></tr></thead>
<tbody>
${indicatorRows}
</tbody></table></section>
<section id="projects"><h2>重点工程 Projects by theme</h2>
<table>${countyCols}<thead><tr><th>主题</th>${counties.map(countyHead).join("")}</tr></thead><tbody>
${projectRows}
</tbody></table></section>
<section id="shape"><h2>规划结构 Plan shape</h2>
<table>${countyCols}<thead><tr><th>章节角色</th>${counties.map(countyHead).join("")}</tr></thead><tbody>
${shapeRows}
</tbody></table></section>
<section id="topics"><h2>任务主题 Task topics</h2>
<h3>共同关键词 shared</h3>${words(c.topics.shared)}
<div class="grid2">${counties.map((s) => `<div><h3>${swatch(colors.get(s)!)}仅${esc(names.get(s))} only</h3>${words(c.topics.only[s] ?? [], colors.get(s)!)}</div>`).join("\n")}</div>
${pairs.join("\n")}
</section>
</main>
</body>
</html>
`;
}

/** Many counties: one row per county, then one row per indicator, theme, role and topic (see many.ts). */
function renderManyHtml(c: Comparison): string {
  const d = digest(c);
  const tr = (cells: string[]) => `<tr>${cells.map((x) => `<td>${x}</td>`).join("")}</tr>`;
  const head = (cells: string[]) => `<thead><tr>${cells.map((x) => `<th>${esc(x)}</th>`).join("")}</tr></thead>`;
  const count = (n: number) => `<span class="count">${esc(n)}</span>`;
  const counties = d.counties
    .map((x) => tr([`<strong>${esc(x.county)}</strong> <span class="kind">${esc(x.slug)}</span>`, esc(x.date), esc(x.chars), esc(x.shape), esc(x.indicators), esc(x.projects), esc(x.investment), esc(x.ahead), esc(x.topics)]))
    .join("\n");
  const indicators = d.indicators
    .map((x) => {
      const r = x.row;
      const flags = [r.comparison.natureMismatch ? `<span class="flag">约束性/预期性不一致</span>` : "", r.comparison.averageMismatch ? `<span class="flag">五年平均/期末值不一致</span>` : ""].join("");
      const period = r.period === "13th" ? `<span class="pill">十三五</span>` : "";
      const kind = `<div class="kind ${r.alignment}">${esc(alignmentLabel(r))}${r.canonicalId ? ` · ${esc(r.canonicalId)}` : ""}</div>`;
      const note = r.comparison.mostAmbitious.length === 0 && r.comparison.note ? `<div class="verdict">${esc(r.comparison.note)}</div>` : "";
      return tr([`<strong>${esc(x.label)}</strong>${period}${kind}`, count(x.counties), ...(c.against ? [esc(x.reference)] : []), esc(x.targets), esc(x.ahead), `${note}${flags}`]);
    })
    .join("\n");
  const themes = d.themes.map((x) => tr([`<strong>${esc(x.label)}</strong>`, count(x.counties), count(x.projects), esc(x.investment), esc(x.most)])).join("\n");
  const shape = d.shape.map((x) => tr([esc(x.label), count(x.counties), esc(x.median)])).join("\n");
  const topics = d.topics.map((x) => tr([esc(x.word), count(x.counties), esc(x.tasks)])).join("\n");
  const words = d.shared.length ? `<div class="words">${d.shared.map((w) => `<span>${esc(w)}</span>`).join("")}</div>` : `<div class="empty">—</div>`;

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(d.title)}</h1><p class="sub">每县一行，指标、工程、章节与主题按县汇总 · one row per county; indicators, projects, plan shape and topics aggregated over the counties</p></header>
<main>
<section id="counties"><h2>各县概况 Counties <span class="kind">${esc(d.counties.length)} 个县</span></h2>
<p class="lead">领先 ahead：该县目标最严（最具雄心）的指标数。</p>
<table>${head(["县 county", "日期 date", "字数 chars", "章 / 节 / 任务", "指标", "项目", "投资 investment", "领先 ahead", "主要主题 top topics"])}<tbody>
${counties}
</tbody></table></section>
<section id="indicators"><h2>指标对齐 Indicators <span class="kind">${esc(d.indicators.filter((x) => x.counties > 1).length)} 项共有 shared · 共 ${esc(d.indicators.length)} 项</span></h2>
<p class="lead">每行一个对齐的指标：有该指标的县数，最常见的目标值（× 县数），目标最严的县。</p>
<table>${head(["指标", "县数 counties", ...(c.against ? ["全国 national"] : []), "目标 targets (× counties)", "最严 most ambitious", "比较"])}<tbody>
${indicators}
</tbody></table></section>
<section id="projects"><h2>重点工程 Projects by theme</h2>
<table>${head(["主题", "县数 counties", "项目 projects", "投资 investment", "项目最多 most projects"])}<tbody>
${themes}
</tbody></table></section>
<section id="shape"><h2>规划结构 Plan shape</h2>
<table>${head(["章节角色", "县数 counties", "中位数 章 / 节 / 任务"])}<tbody>
${shape}
</tbody></table></section>
<section id="topics"><h2>任务主题 Task topics</h2>
<h3>所有县共有 shared by every county</h3>${words}
<h3>覆盖最广的主题 most widespread</h3>
<table>${head(["主题 topic", "县数 counties", "任务数 tasks"])}<tbody>
${topics}
</tbody></table></section>
</main>
</body>
</html>
`;
}
