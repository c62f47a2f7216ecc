// The HTML format: one self-contained page (inline CSS and SVG, no script, no network) to look at
// rather than read. Everything that comes from a plan is untrusted and goes through `esc`.
import type { AlignedIndicator, Comparison } from "../model.js";
import { alignmentLabel, columnNames, formatInvestment, ROLE_LABELS, topMatches, verdict } from "./common.js";

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
:root { --ink: #1d232b; --muted: #66707c; --line: #e3e6ea; --bg: #f7f8fa; --card: #fff; --good: #1f7a45; --warn: #a35a00; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.55 "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
header { padding: 28px 32px 8px; }
h1 { margin: 0 0 4px; font-size: 24px; font-weight: 650; letter-spacing: .02em; }
h2 { margin: 0 0 12px; font-size: 17px; font-weight: 650; }
.sub { color: var(--muted); margin: 0; }
main { padding: 8px 32px 40px; display: grid; gap: 20px; max-width: 1500px; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px; overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 7px 10px; border-bottom: 1px solid var(--line); }
thead th { position: sticky; top: 0; background: var(--card); font-weight: 600; color: var(--muted); font-size: 12.5px; }
tbody tr:hover { background: #fafbfc; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; vertical-align: baseline; }
.kind { font-size: 11.5px; color: var(--muted); }
.kind.similar { color: var(--warn); }
.ahead { font-weight: 650; color: var(--good); }
.ahead::after { content: " ▲"; font-size: 10px; }
.base { color: var(--muted); font-size: 12px; }
.none { color: #b8bec6; }
.flag { display: inline-block; font-size: 11.5px; padding: 0 6px; border-radius: 9px; background: #fff3e0; color: var(--warn); margin: 2px 4px 0 0; }
.verdict { font-size: 12.5px; color: var(--muted); }
.period13 { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 8px; padding: 0 5px; margin-left: 4px; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 14px; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--c); border-radius: 8px; padding: 12px 14px; }
.card h3 { margin: 0 0 6px; font-size: 16px; }
.card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: 13px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.names { color: var(--muted); font-size: 12px; }
.words span { display: inline-block; background: #eef2f7; border-radius: 4px; padding: 1px 7px; margin: 2px 3px 2px 0; font-size: 12.5px; }
.score { font-variant-numeric: tabular-nums; color: var(--muted); }
svg text { font: 11px system-ui, sans-serif; fill: var(--ink); }
`;

function swatch(color: string): string {
  return `<span class="swatch" style="background:${color}"></span>`;
}

/** Bars of the compared figures of one row, each scaled to the row's largest figure. */
function bars(row: AlignedIndicator, colors: Map<string, string>, names: Map<string, string>): string {
  const ranking = row.comparison.ranking;
  if (row.comparison.basis === null || ranking.length < 2) return "";
  const max = Math.max(...ranking.map((r) => Math.abs(r.value)), 1e-9);
  const order = [...colors.keys()].filter((s) => ranking.some((r) => r.slug === s));
  const h = 14;
  const width = 180;
  const rows = order.map((slug, i) => {
    const r = ranking.find((x) => x.slug === slug)!;
    const w = Math.max(2, Math.round((Math.abs(r.value) / max) * (width - 60)));
    const y = i * (h + 4);
    const unit = row.values[slug]?.target?.unit ?? "";
    const label = `${r.value}${unit}`;
    return `<rect x="0" y="${y}" width="${w}" height="${h}" rx="2" fill="${colors.get(slug)}"><title>${esc(names.get(slug))}: ${esc(label)}</title></rect><text x="${w + 4}" y="${y + 11}">${esc(label)}</text>`;
  });
  const height = order.length * (h + 4);
  const what = row.comparison.basis === "change" ? "change" : "level";
  return `<svg width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(`${row.label}: target ${what} per county`)}">${rows.join("")}</svg>`;
}

function valueCell(row: AlignedIndicator, slug: string): string {
  const i = row.values[slug];
  if (!i) return `<td class="none">·</td>`;
  const target = i.target?.raw ?? "—";
  const cls = row.comparison.mostAmbitious.includes(slug) ? ` class="ahead"` : "";
  const base = i.baseline ? `<div class="base">基数 ${esc(i.baseline.raw)}</div>` : "";
  const nature = i.nature ? `<div class="base">${i.nature === "binding" ? "约束性 binding" : "预期性 expected"}</div>` : "";
  const name = i.name !== row.label ? `<div class="base" title="as printed">${esc(i.name)}</div>` : "";
  return `<td><span${cls}>${esc(target)}</span>${base}${nature}${name}</td>`;
}

export function renderHtml(c: Comparison): string {
  const cols = columnNames(c);
  const names = new Map(cols.map((x) => [x.slug, x.name]));
  const colors = new Map(cols.map((x, i) => [x.slug, x.slug === "national" ? REFERENCE_COLOR : PALETTE[i % PALETTE.length]!]));
  const counties = c.overview.map((o) => o.slug);
  const title = `${c.overview.map((o) => o.county).join(" · ")}：应急管理“十四五”规划对比`;

  const overview = c.overview
    .map(
      (o) => `<div class="card" style="--c:${colors.get(o.slug)}"><h3>${esc(o.county)} <span class="kind">${esc(o.slug)}</span></h3><dl>
<dt>规划</dt><dd>${esc(o.title)}</dd>
<dt>发布</dt><dd>${esc(o.issuer ?? "—")}</dd>
<dt>文号</dt><dd>${esc(o.docNumber ?? "—")}</dd>
<dt>日期</dt><dd>${esc(o.issuedDate ?? "—")}</dd>
<dt>来源</dt><dd>${o.sources.map(esc).join("<br>")}</dd>
<dt>篇幅</dt><dd>${esc(o.chars)} 字 · ${esc(o.chapters)} 章 · ${esc(o.sections)} 节</dd>
<dt>内容</dt><dd>${esc(o.tasks)} 项任务 · ${esc(o.indicators)} 个指标 · ${esc(o.projects)} 个项目</dd>
</dl></div>`,
    )
    .join("\n");

  const shared = c.indicators.filter((r) => counties.filter((s) => r.values[s]).length > 1).length;
  const indicatorRows = c.indicators
    .map((r) => {
      const flags = [r.comparison.natureMismatch ? `<span class="flag">约束性/预期性不一致</span>` : "", r.comparison.averageMismatch ? `<span class="flag">五年平均/期末值不一致</span>` : ""].join("");
      const kind = `<div class="kind ${r.alignment}">${esc(alignmentLabel(r))}${r.canonicalId ? ` · ${esc(r.canonicalId)}` : ""}</div>`;
      const period = r.period === "13th" ? `<span class="period13">十三五</span>` : "";
      return `<tr><td><strong>${esc(r.label)}</strong>${period}${kind}</td>${cols.map(({ slug }) => valueCell(r, slug)).join("")}<td>${bars(r, colors, names)}<div class="verdict">${esc(verdict(r, names))}</div>${flags}</td></tr>`;
    })
    .join("\n");

  const projectRows = c.projects
    .map(
      (t) =>
        `<tr><td><strong>${esc(t.label)}</strong></td>${counties
          .map((s) => {
            const cell = t.counties[s]!;
            if (cell.count === 0) return `<td class="none">·</td>`;
            const money = formatInvestment(cell.investment, cell.investmentUnit);
            return `<td><strong>${esc(cell.count)}</strong>${money ? ` <span class="base">投资 ${esc(money)}</span>` : ""}<div class="names">${cell.names.map(esc).join("、")}</div></td>`;
          })
          .join("")}</tr>`,
    )
    .join("\n");

  const shapeRows = c.shape
    .map((r) => `<tr><td>${esc(ROLE_LABELS[r.role] ?? r.role)}</td>${counties.map((s) => { const x = r.counties[s]!; return x.chapters === 0 ? `<td class="none">·</td>` : `<td>${esc(x.chapters)} 章 · ${esc(x.sections)} 节${x.tasks ? ` · ${esc(x.tasks)} 项任务` : ""}</td>`; }).join("")}</tr>`)
    .join("\n");

  const words = (list: string[]) => `<div class="words">${list.map((w) => `<span>${esc(w)}</span>`).join("")}</div>`;
  const matchTables: string[] = [];
  for (let i = 0; i < counties.length; i++)
    for (let j = i + 1; j < counties.length; j++) {
      const from = counties[i]!;
      const to = counties[j]!;
      const rows = topMatches(c, from, to)
        .map((m) => `<tr><td>${esc(m.task.title)}</td><td>${esc(m.match!.title)}</td><td class="score">${esc(m.score.toFixed(2))}</td></tr>`)
        .join("");
      matchTables.push(`<h3>${swatch(colors.get(from)!)}${esc(names.get(from))} → ${swatch(colors.get(to)!)}${esc(names.get(to))}</h3><table><thead><tr><th>${esc(names.get(from))} 任务</th><th>${esc(names.get(to))} 最相近的任务</th><th>相似度</th></tr></thead><tbody>${rows}</tbody></table>`);
    }

  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(title)}</h1><p class="sub">${cols.map((x) => `${swatch(colors.get(x.slug)!)}${esc(x.name)}`).join(" &nbsp; ")}</p></header>
<main>
<section><h2>概况 Overview</h2><div class="cards">${overview}</div></section>
<section><h2>指标对齐 Indicators <span class="kind">${esc(shared)} shared · ${esc(c.indicators.length)} in all</span></h2>
<table class="indicators"><thead><tr><th>指标</th>${cols.map((x) => `<th>${swatch(colors.get(x.slug)!)}${esc(x.name)}</th>`).join("")}<th>比较</th></tr></thead>
<tbody>
${indicatorRows}
</tbody></table></section>
<section><h2>重点工程 Projects by theme</h2><table><thead><tr><th>主题</th>${counties.map((s) => `<th>${swatch(colors.get(s)!)}${esc(names.get(s))}</th>`).join("")}</tr></thead><tbody>
${projectRows}
</tbody></table></section>
<section><h2>规划结构 Plan shape</h2><table><thead><tr><th>章节角色</th>${counties.map((s) => `<th>${swatch(colors.get(s)!)}${esc(names.get(s))}</th>`).join("")}</tr></thead><tbody>
${shapeRows}
</tbody></table></section>
<section><h2>任务主题 Task topics</h2>
<h3>共同关键词</h3>${words(c.topics.shared)}
${counties.map((s) => `<h3>${swatch(colors.get(s)!)}仅${esc(names.get(s))}</h3>${words(c.topics.only[s] ?? [])}`).join("\n")}
${matchTables.join("\n")}
</section>
</main>
</body>
</html>
`;
}
