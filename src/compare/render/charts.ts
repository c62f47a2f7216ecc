// The HTML report's small charts, drawn to inline SVG when the page is built: Observable Plot lays
// them out on linkedom's server-side DOM, so the page holds no script and fetches nothing, and the
// same data gives the same bytes. Only the HTML format loads this file (see commands/compare.ts):
// the other formats never pay for the library.
//
// Every chart reads without colour: a county is a colour and a symbol (circle, square, …) and its
// name stands beside its marks, so a black-and-white print keeps the key.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import type { AlignedIndicator } from "../model.js";

const { document } = parseHTML("<!DOCTYPE html><html><body></body></html>");

/** How a column (a county, or the national reference) is drawn. */
export interface ColumnStyle {
  slug: string;
  name: string;
  /** the name in charts, where room is short: "全国" for "全国 national" */
  short: string;
  color: string;
  /** a Plot symbol name */
  symbol: string;
  /** drawn as an outline (the reference), not filled */
  outline: boolean;
}

/** One restrained colour and one symbol per county; the reference is a grey cross. */
const PALETTE = ["#2f6fb0", "#c2582f", "#3a8f5c", "#8a5aa8", "#b08a2f", "#2f9aa0", "#a83a5f", "#5f6f2f"];
const SYMBOLS = ["circle", "square", "triangle", "diamond", "star", "wye", "cross", "hexagon"];
const REFERENCE = { color: "#6f757e", symbol: "times" };

export function columnStyles(columns: Array<{ slug: string; name: string }>, reference: string | null): ColumnStyle[] {
  let i = 0;
  return columns.map(({ slug, name }) => {
    if (slug === reference) return { slug, name, short: name.split(" ")[0]!, ...REFERENCE, outline: true };
    const k = i++;
    return { slug, name, short: name, color: PALETTE[k % PALETTE.length]!, symbol: SYMBOLS[k % SYMBOLS.length]!, outline: false };
  });
}

/** Sizes in CSS pixels. Text is 11px; a Han character is as wide as the font is tall. */
const FONT = 11;
const AMBITION_WIDTH = 260;
const AMBITION_ROW = 20;
const BAR_WIDTH = 320;
const BAR = 16;
const GROUP_TITLE = 19;
const GROUP_GAP = 8;
/** Bottom margin for the x axis: its ticks, then its label below them. */
const AXIS = 40;
/** A mark left of this place on the scale has its figure on its right; further right, on its left (the room is there). */
const LABEL_SIDE = 0.62;

/** About how wide a label is drawn, for margins: Han characters a full em, others about half. */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/u.test(ch) ? FONT : FONT * 0.6;
  return Math.ceil(w);
}

/** A number as a reader writes it: no float noise (0.30000000000000004 → 0.3), no thousands commas. */
function num(n: number): string {
  return String(Number(n.toPrecision(6)));
}

function serialize(plot: Element, kind: string): string {
  // the library's stylesheet is the page's (html-style.ts), not one copy per chart
  plot.querySelector("style")?.remove();
  plot.setAttribute("class", `chart ${kind}`);
  return plot.outerHTML;
}

function draw(options: Plot.PlotOptions, kind: string, decorative = false): string {
  const plot = Plot.plot({ ...options, document, color: { type: "identity" }, symbol: { type: "identity" } }) as unknown as Element;
  if (decorative) plot.setAttribute("aria-hidden", "true");
  return serialize(plot, kind);
}

/** A target's figure as the axis shows it: ↓35%, <0.01 is just 0.01 (the scale carries the direction). */
export function figure(value: number, change: "decrease" | "increase" | null, unit: string | null): string {
  return `${change === "decrease" ? "↓" : change === "increase" ? "↑" : ""}${num(value)}${unit ?? ""}`;
}

/**
 * One indicator row on its scale of ambition (see compare/ambition.ts): a line per column, its
 * target a mark on it, further right always the more ambitious; the most ambitious figure in bold.
 */
export function ambitionChart(row: AlignedIndicator, columns: ColumnStyle[]): string {
  const scale = row.comparison.scale!;
  const at = new Map(row.comparison.ranking.map((r) => [r.slug, r]));
  const shown = columns.filter((c) => at.has(c.slug));
  const best = new Set(row.comparison.mostAmbitious);
  const points = shown.map((c) => {
    const r = at.get(c.slug)!;
    const label = figure(r.value, scale.change, scale.unit);
    return { ...c, value: r.value, position: r.position, label: best.has(c.slug) ? `${label} ▲` : label, best: best.has(c.slug) };
  });
  const marginLeft = 10 + Math.max(...shown.map((c) => textWidth(c.short)));
  const [left, right] = scale.domain;
  const rightOf = (p: { position: number }) => p.position < LABEL_SIDE;
  return draw(
    {
      width: AMBITION_WIDTH,
      height: shown.length * AMBITION_ROW + AXIS,
      marginLeft,
      marginRight: 14,
      marginTop: 8,
      marginBottom: AXIS - 4,
      ariaLabel: `${row.label}：目标，越靠右越严 (further right is stricter)`,
      x: { domain: scale.domain, ticks: 3, tickFormat: (v: number) => num(v), label: "更严 stricter →", labelAnchor: "right", labelArrow: "none", labelOffset: 34 },
      y: { domain: shown.map((c) => c.slug), tickFormat: (s: string) => shown.find((c) => c.slug === s)!.short, tickSize: 0, label: null },
      marks: [
        Plot.ruleY(points, { y: "slug", x1: left, x2: right, stroke: "#dfe3e8" }),
        Plot.dot(points, {
          x: "value",
          y: "slug",
          symbol: "symbol",
          r: 5.5,
          fill: (d) => (d.outline ? "none" : d.color),
          stroke: (d) => (d.outline ? d.color : "white"),
          strokeWidth: (d) => (d.outline ? 2.2 : 0.8),
          title: (d) => `${d.short}: ${d.label}`,
        }),
        // the label on the side of its mark with more room, the most ambitious in bold
        ...[true, false].flatMap((bold) =>
          [true, false].map((onRight) =>
            Plot.text(
              points.filter((p) => p.best === bold && rightOf(p) === onRight),
              { x: "value", y: "slug", text: "label", dx: onRight ? 9 : -9, textAnchor: onRight ? "start" : "end", fontWeight: bold ? 700 : 400 },
            ),
          ),
        ),
      ],
    },
    "ambition",
  );
}

export interface BarGroup {
  label: string;
  /** one bar per column; null: not known (drawn as no bar, its text says so) */
  bars: Array<{ slug: string; value: number | null; text: string }>;
}

/**
 * Grouped horizontal bars: per group a title line, then a bar per column, each named on its left
 * and its figure at its end, so that the bars read without colour.
 */
export function groupedBars(groups: BarGroup[], columns: ColumnStyle[], ariaLabel: string): string {
  const byslug = new Map(columns.map((c) => [c.slug, c]));
  const slugs = columns.filter((c) => groups.some((g) => g.bars.some((b) => b.slug === c.slug))).map((c) => c.slug);
  const data = groups.flatMap((g) => g.bars.map((b) => ({ ...b, group: g.label, name: byslug.get(b.slug)!.short, color: byslug.get(b.slug)!.color })));
  const max = Math.max(1, ...data.map((d) => d.value ?? 0));
  const marginLeft = 10 + Math.max(...slugs.map((s) => textWidth(byslug.get(s)!.short)));
  const marginRight = 8 + Math.max(...data.map((d) => textWidth(d.text)));
  const groupHeight = GROUP_TITLE + slugs.length * BAR + GROUP_GAP;
  return draw(
    {
      width: BAR_WIDTH,
      height: groups.length * groupHeight,
      marginLeft,
      marginRight,
      marginTop: 0,
      marginBottom: 0,
      ariaLabel,
      fy: { domain: groups.map((g) => g.label), axis: null, padding: 0 },
      y: { domain: slugs, tickFormat: (s: string) => byslug.get(s)!.short, tickSize: 0, label: null, insetTop: GROUP_TITLE, insetBottom: GROUP_GAP, padding: 0.18 },
      x: { domain: [0, max], axis: null },
      marks: [
        Plot.text(groups, { fy: "label", text: "label", frameAnchor: "top-left", dx: -marginLeft + 2, dy: 3, fontWeight: 600, lineAnchor: "top" }),
        Plot.barX(
          data.filter((d) => d.value !== null && d.value > 0),
          { x: "value", y: "slug", fy: "group", fill: "color", title: (d) => `${d.name} · ${d.group}: ${d.text}` },
        ),
        Plot.text(data, { x: (d) => d.value ?? 0, y: "slug", fy: "group", text: "text", dx: 4, textAnchor: "start", fill: (d) => (d.value === null ? "#8a8f98" : "currentColor") }),
      ],
    },
    "bars",
  );
}

/**
 * Many counties on one indicator's scale: how many counties chose each target (a stem per figure),
 * the reference's target as a dashed line (its figure is in the caption), the axis as in
 * ambitionChart. The figure most counties chose is labelled; the others show by their stems.
 */
export function distributionChart(row: AlignedIndicator, reference: number | null): string {
  const scale = row.comparison.scale!;
  const dist = scale.distribution ?? [];
  const max = Math.max(1, ...dist.map((d) => d.counties));
  const commonest = [...dist].sort((a, b) => b.counties - a.counties || b.position - a.position).slice(0, 1);
  const [left, right] = scale.domain;
  return draw(
    {
      width: AMBITION_WIDTH,
      height: 132,
      marginLeft: 34,
      marginRight: 14,
      marginTop: 20,
      marginBottom: AXIS - 4,
      ariaLabel: `${row.label}：各目标的县数，越靠右越严 (counties per target, further right is stricter)`,
      x: { domain: scale.domain, ticks: 3, tickFormat: (v: number) => num(v), label: "更严 stricter →", labelAnchor: "right", labelArrow: "none", labelOffset: 34 },
      y: { domain: [0, max], ticks: 3, tickFormat: (v: number) => (Number.isInteger(v) ? String(v) : ""), label: "县数", labelArrow: "none", nice: true },
      marks: [
        Plot.ruleY([0], { x1: left, x2: right, stroke: "#cfd4da" }),
        Plot.ruleX(dist, { x: "value", y1: 0, y2: "counties", stroke: PALETTE[0]!, strokeWidth: 3, title: (d) => `${d.raw}: ${d.counties} 县` }),
        Plot.dot(dist, { x: "value", y: "counties", fill: PALETTE[0]!, r: 3 }),
        // over the stems, so that it shows where a stem stands on the same figure
        ...(reference === null ? [] : [Plot.ruleX([reference], { x: (v: number) => v, stroke: REFERENCE.color, strokeWidth: 1.5, strokeDasharray: "3 3" })]),
        Plot.text(commonest, { x: "value", y: "counties", text: (d) => `${figure(d.value, scale.change, scale.unit)} ×${d.counties}`, dy: -10 }),
      ],
    },
    "distribution",
  );
}

/** A county's key: its symbol in its colour, as the charts draw it. */
export function keySymbol(c: ColumnStyle): string {
  return draw(
    {
      width: 14,
      height: 14,
      margin: 0,
      axis: null,
      x: { domain: [0, 1] },
      y: { domain: [0, 1] },
      marks: [
        Plot.dot([c], {
          x: () => 0.5,
          y: () => 0.5,
          symbol: "symbol",
          r: 5,
          fill: (d) => (d.outline ? "none" : d.color),
          stroke: (d) => (d.outline ? d.color : "none"),
          strokeWidth: 2,
        }),
      ],
    },
    "key",
    true,
  );
}

/** Plain horizontal bars, one per item in the given order, each labelled on its left and its figure at its end. */
export function bars(items: Array<{ label: string; value: number; text: string }>, ariaLabel: string): string {
  const marginLeft = 10 + Math.max(...items.map((d) => textWidth(d.label)));
  const marginRight = 8 + Math.max(...items.map((d) => textWidth(d.text)));
  return draw(
    {
      width: Math.max(BAR_WIDTH, marginLeft + marginRight + 120),
      height: items.length * (BAR + 6) + 4,
      marginLeft,
      marginRight,
      marginTop: 2,
      marginBottom: 2,
      ariaLabel,
      y: { domain: items.map((d) => d.label), tickSize: 0, label: null, padding: 0.2 },
      x: { domain: [0, Math.max(1, ...items.map((d) => d.value))], axis: null },
      marks: [
        Plot.barX(items, { x: "value", y: "label", fill: PALETTE[0]!, title: (d) => `${d.label}: ${d.text}` }),
        Plot.text(items, { x: "value", y: "label", text: "text", dx: 4, textAnchor: "start" }),
      ],
    },
    "bars",
  );
}
