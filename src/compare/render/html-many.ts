// The HTML page beyond SIDE_BY_SIDE_MAX counties: a column per county would not fit, so each chart
// takes its many-county form — how many counties chose each target on the measure's scale of
// ambition, the most ambitious counties per measure, projects by theme across the counties — and
// the tables give one row per county, indicator, theme, role and topic (many.ts).
import type { AlignedIndicator, Comparison } from "../model.js";
import { bars, distributionChart, figure } from "./charts.js";
import { esc, renderPage, type PageInfo } from "./html-page.js";
import { digest, someOf } from "./many.js";

/** A measure's distribution is drawn when at least this many counties' targets are on its scale. */
const DISTRIBUTION_MIN_COUNTIES = 3;
/** Distributions drawn at most: the catalog's measures in both periods fit. */
const DISTRIBUTIONS_MAX = 40;
/** Places shown in the ranked table: the most ambitious figure, the next, … */
const RANKED_PLACES = 3;

const tr = (cells: string[], key = false) => `<tr>${cells.map((x, i) => `<td${key && i === 0 ? ` class="key"` : ""}>${x}</td>`).join("")}</tr>`;
const head = (cells: string[], key = false) => `<thead><tr>${cells.map((x, i) => `<th${key && i === 0 ? ` class="key"` : ""}>${esc(x)}</th>`).join("")}</tr></thead>`;
const count = (n: number) => `<span class="count">${esc(n)}</span>`;

/** Counties on a row's scale (references such as the national plan are not counties). */
function countiesOnScale(r: AlignedIndicator, isCounty: (s: string) => boolean): number {
  return r.comparison.ranking.filter((x) => isCounty(x.slug)).length;
}

/** The ranking cut into places of equal figures, most ambitious first: who shares the strictest target, who the next. */
export function places(r: AlignedIndicator, isCounty: (s: string) => boolean): Array<{ value: number; slugs: string[] }> {
  const out: Array<{ value: number; slugs: string[] }> = [];
  for (const x of r.comparison.ranking) {
    if (!isCounty(x.slug)) continue;
    const last = out.at(-1);
    if (last && last.value === x.value) last.slugs.push(x.slug);
    else out.push({ value: x.value, slugs: [x.slug] });
  }
  return out;
}

export function renderManyHtml(c: Comparison, info: PageInfo): string {
  const d = digest(c);
  const names = new Map(c.overview.map((o) => [o.slug, o.county]));
  const isCounty = (s: string) => names.has(s);
  const scaled = c.indicators.filter((r) => r.comparison.scale && r.canonicalId && countiesOnScale(r, isCounty) >= DISTRIBUTION_MIN_COUNTIES);

  const counties = d.counties
    .map((x) => tr([`<strong>${esc(x.county)}</strong> <span class="kind">${esc(x.slug)}</span>`, esc(x.date), esc(x.chars), esc(x.shape), esc(x.indicators), esc(x.projects), esc(x.investment), esc(x.ahead), esc(x.topics)], true))
    .join("\n");

  const distributions = scaled.slice(0, DISTRIBUTIONS_MAX).map((r) => {
    const scale = r.comparison.scale!;
    const ref = r.comparison.ranking.find((x) => !isCounty(x.slug));
    const period = r.period === "13th" ? " · 十三五" : "";
    const national = ref ? ` · 全国 ${figure(ref.value, scale.change, scale.unit)}（虚线）` : "";
    return `<figure class="small"><figcaption><strong>${esc(r.label)}</strong>${esc(period)} · ${esc(countiesOnScale(r, isCounty))} 县${esc(national)}</figcaption>${distributionChart(r, ref?.value ?? null)}</figure>`;
  });

  const ranked = scaled
    .map((r) => {
      const scale = r.comparison.scale!;
      const cells = places(r, isCounty)
        .slice(0, RANKED_PLACES)
        .map((p) => `<div class="rank"><b>${esc(figure(p.value, scale.change, scale.unit))}</b> · ${esc(p.slugs.length)} 县<div class="names">${esc(someOf(p.slugs.map((s) => names.get(s)!)))}</div></div>`);
      while (cells.length < RANKED_PLACES) cells.push(`<span class="none">·</span>`);
      return tr([`<strong>${esc(r.label)}</strong>${r.period === "13th" ? `<span class="pill">十三五</span>` : ""}`, ...cells], true);
    })
    .join("\n");

  const indicators = d.indicators
    .map((x) => {
      const r = x.row;
      const period = r.period === "13th" ? `<span class="pill">十三五</span>` : "";
      const kind = r.alignment === "similar" ? `<div class="kind similar">名称相近 similar ${esc(r.similarity?.toFixed(2))}</div>` : "";
      const note = x.note ? `<div class="verdict">${esc(x.note)}</div>` : "";
      return tr([`<strong>${esc(x.label)}</strong>${period}${kind}`, count(x.counties), ...(c.against ? [esc(x.reference)] : []), esc(x.targets), esc(x.ahead), note], true);
    })
    .join("\n");

  const themeBars = d.themes.length === 0 ? `<div class="empty">没有列出重点工程 no projects listed</div>` : bars(
    d.themes.map((x) => ({ label: x.label, value: x.projects, text: `${x.projects} 项 · ${x.counties} 县` })),
    "各主题项目数（各县合计） projects by theme across the counties",
  );
  const themes = d.themes.map((x) => tr([`<strong>${esc(x.label)}</strong>`, count(x.counties), count(x.projects), esc(x.investment), esc(x.most)], true)).join("\n");
  const shape = d.shape.map((x) => tr([esc(x.label), count(x.counties), esc(x.median)], true)).join("\n");
  const topics = d.topics.map((x) => tr([esc(x.word), count(x.counties), esc(x.tasks)], true)).join("\n");
  const shared = d.shared.length ? `<div class="words">${d.shared.map((w) => `<span>${esc(w)}</span>`).join("")}</div>` : `<div class="empty">—</div>`;
  const table = (min: number, inner: string) => `<div class="scroll"><table style="--min:${min}px">${inner}</table></div>`;

  return renderPage({
    title: d.title,
    sub: "每县一行，指标、工程、章节与主题按县汇总 · one row per county; indicators, projects, plan shape and topics aggregated over the counties",
    key: [],
    info,
    sections: [
      {
        id: "counties",
        nav: "各县概况",
        heading: `各县概况 Counties <span class="kind">${esc(d.counties.length)} 个县</span>`,
        body: `<p class="lead">领先 ahead：该县目标最严（最具雄心）的指标数。</p>
${table(900, `${head(["县 county", "日期 date", "字数 chars", "章 / 节 / 任务", "指标", "项目", "投资 investment", "领先 ahead", "主要主题 top topics"], true)}<tbody>\n${counties}\n</tbody>`)}`,
      },
      {
        id: "distributions",
        nav: "目标分布",
        heading: `目标分布 Target distributions <span class="kind">${esc(scaled.length)} 项指标</span>`,
        body: `<p class="lead">每项目录指标一张图：横轴是该指标的“严格程度”尺，<b>越靠右越严</b>；竖线高度是选择该目标的县数${c.against ? "；虚线为全国目标" : ""}。How many counties chose each target; further right is stricter.</p>
<div class="figures">${distributions.join("")}</div>`,
      },
      {
        id: "ranked",
        nav: "最严的县",
        heading: "最严的县 Most ambitious counties per measure",
        body: `<p class="lead">每项指标目标最严的前 ${RANKED_PLACES} 档：目标值、县数与县名（同一目标并列）。The strictest targets per measure and the counties that set them.</p>
${table(640, `${head(["指标 measure", "最严 1st", "第二 2nd", "第三 3rd"], true)}<tbody>\n${ranked}\n</tbody>`)}`,
      },
      {
        id: "indicators",
        nav: "指标",
        heading: `指标对齐 Indicators <span class="kind">${esc(d.indicators.filter((x) => x.counties > 1).length)} 项共有 shared · 共 ${esc(d.indicators.length)} 项</span>`,
        body: `<p class="lead">每行一个对齐的指标：有该指标的县数，最常见的目标值（× 县数），目标最严的县。</p>
${table(760, `${head(["指标", "县数 counties", ...(c.against ? ["全国 national"] : []), "目标 targets (× counties)", "最严 most ambitious", "比较"], true)}<tbody>\n${indicators}\n</tbody>`)}`,
      },
      {
        id: "projects",
        nav: "重点工程",
        heading: "重点工程 Projects by theme",
        body: `<div class="figures"><figure><figcaption>各主题项目数（各县合计） projects by theme across the counties</figcaption>${themeBars}</figure></div>
${table(640, `${head(["主题", "县数 counties", "项目 projects", "投资 investment", "项目最多 most projects"], true)}<tbody>\n${themes}\n</tbody>`)}`,
      },
      {
        id: "shape",
        nav: "规划结构",
        heading: "规划结构 Plan shape",
        body: table(480, `${head(["章节角色", "县数 counties", "中位数 章 / 节 / 任务"], true)}<tbody>\n${shape}\n</tbody>`),
      },
      {
        id: "topics",
        nav: "任务主题",
        heading: "任务主题 Task topics",
        body: `<h3>所有县共有 shared by every county</h3>${shared}
<h3>覆盖最广的主题 most widespread</h3>
${table(420, `${head(["主题 topic", "县数 counties", "任务数 tasks"], true)}<tbody>\n${topics}\n</tbody>`)}`,
      },
    ],
  });
}
