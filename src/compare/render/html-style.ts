// The HTML report's stylesheet: a laptop layout, a compact one at phone width (the indicator name
// column stays in view while the table scrolls sideways), and print rules for A4 with background
// graphics off (the browser's default): nothing that matters is a background colour alone.
export const CSS = `
:root { --ink: #1d232b; --muted: #66707c; --faint: #b8bec6; --line: #e3e6ea; --bg: #f5f6f8; --card: #fff;
  --good: #1f7a45; --good-bg: #e7f4ec; --warn: #9a5200; --warn-bg: #fff2df; --name-col: 190px; --chart-col: 284px; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; scroll-behavior: smooth; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 14px/1.6 "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, sans-serif; }
header { padding: 28px 32px 6px; max-width: 1440px; margin: 0 auto; }
h1 { margin: 0 0 8px; font-size: 24px; font-weight: 650; letter-spacing: .02em; }
h2 { margin: 0 0 4px; font-size: 17px; font-weight: 650; }
h3 { margin: 16px 0 8px; font-size: 14.5px; font-weight: 600; }
.sub { color: var(--muted); margin: 0 0 6px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0; padding: 0; list-style: none; }
.legend li { display: inline-flex; align-items: center; gap: 6px; }
.legend .hint { color: var(--muted); font-size: 12.5px; }
nav.toc { margin: 10px 0 0; display: flex; flex-wrap: wrap; gap: 4px 6px; font-size: 13px; }
nav.toc a { color: var(--ink); text-decoration: none; border: 1px solid var(--line); background: var(--card); border-radius: 14px; padding: 1px 11px; }
nav.toc a:hover { border-color: var(--muted); }
main { padding: 10px 32px 24px; display: grid; gap: 20px; max-width: 1440px; margin: 0 auto; }
section { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 18px 20px 20px; min-width: 0; scroll-margin-top: 8px; }
.lead { color: var(--muted); font-size: 12.5px; margin: 0 0 12px; }
.scroll { min-width: 0; }
.scroll.wide { overflow-x: auto; }
.scroll.wide > table { min-width: calc(var(--min) + 200px); }
table { border-collapse: separate; border-spacing: 0; width: 100%; table-layout: fixed; }
th, td { text-align: left; vertical-align: top; padding: 8px 10px; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; background: var(--card); }
thead th { position: sticky; top: 0; z-index: 2; font-weight: 600; color: var(--muted);
  font-size: 12.5px; border-bottom: 1px solid #cfd4da; box-shadow: 0 1px 0 #cfd4da; }
tbody tr:last-child td { border-bottom: 0; }
th.key, td.key { position: sticky; left: 0; z-index: 1; }
thead th.key { z-index: 3; }
col.name { width: var(--name-col); }
col.chart { width: var(--chart-col); }
.colhead { display: inline-flex; align-items: center; gap: 5px; }
.kind { font-size: 11.5px; color: var(--muted); font-weight: 400; }
.kind.similar { color: var(--warn); }
.target { font-size: 15px; font-variant-numeric: tabular-nums; }
.ahead { font-weight: 650; color: var(--good); background: var(--good-bg); border-radius: 4px; padding: 0 5px; margin-left: -5px; }
.ahead::after { content: " ▲ 最严"; font-size: 10.5px; font-weight: 500; }
.sample { font-weight: 650; color: var(--good); background: var(--good-bg); border-radius: 4px; padding: 0 5px; font-size: 11.5px; }
.base { color: var(--muted); font-size: 12px; }
.printed { color: var(--faint); font-size: 11.5px; }
.at { color: var(--faint); font-size: 11px; overflow-wrap: break-word; }
.none { color: var(--faint); }
.flag { display: inline-block; font-size: 11.5px; padding: 0 7px; border-radius: 9px; background: var(--warn-bg); color: var(--warn); margin: 4px 4px 0 0; }
.verdict { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
.pill { font-size: 11px; color: var(--muted); border: 1px solid var(--line); border-radius: 8px; padding: 0 5px; margin-left: 4px; font-weight: 400; white-space: nowrap; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(280px, 1fr)); gap: 14px; margin-top: 10px; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--c); border-radius: 8px; padding: 12px 14px; }
.card h3 { margin: 0 0 6px; font-size: 16px; display: flex; align-items: center; gap: 6px; }
.card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; font-size: 13px; }
.card dt { color: var(--muted); }
.card dd { margin: 0; overflow-wrap: anywhere; }
.stats { display: flex; flex-wrap: wrap; gap: 6px 18px; margin-top: 10px; padding-top: 8px; border-top: 1px dashed var(--line); }
.stats b { font-size: 17px; font-variant-numeric: tabular-nums; margin-right: 2px; }
.stats span { color: var(--muted); font-size: 12px; }
.count { font-size: 16px; font-weight: 650; font-variant-numeric: tabular-nums; }
.names { color: var(--muted); font-size: 12px; margin-top: 2px; }
.words { display: flex; flex-wrap: wrap; gap: 4px; }
.words span { background: #eef2f7; border: 1px solid #e2e7ee; border-radius: 4px; padding: 0 8px; font-size: 12.5px; }
.grid2 { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 8px 24px; }
.figures { display: flex; flex-wrap: wrap; gap: 10px 28px; align-items: flex-start; margin: 4px 0 14px; }
.figures figure { margin: 0; max-width: 100%; }
.figures figure.small { width: 260px; }
.figures figcaption { font-size: 12.5px; color: var(--muted); margin-bottom: 4px; }
.score { font-variant-numeric: tabular-nums; color: var(--muted); text-align: right; white-space: nowrap; overflow-wrap: normal; }
.from { border-left: 3px solid var(--c); }
.meter { display: inline-block; height: 4px; border-radius: 2px; background: #9fb3c8; vertical-align: middle; margin-right: 6px; }
.rank { font-size: 12.5px; }
.rank b { font-variant-numeric: tabular-nums; }
svg.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
svg.chart text { font-family: "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif; font-size: 11px; white-space: pre; }
svg.key { display: inline-block; vertical-align: -2px; flex: none; }
.empty { color: var(--faint); font-size: 12.5px; }
footer { max-width: 1440px; margin: 0 auto; padding: 0 32px 36px; color: var(--muted); font-size: 12px; }
footer dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; margin: 0; }
footer dd { margin: 0; overflow-wrap: anywhere; }
footer code { font: 12px ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
@media screen and (max-width: 760px) {
  :root { --name-col: 90px; --chart-col: 250px; }
  body { font-size: 13px; }
  header { padding: 16px 12px 4px; }
  h1 { font-size: 19px; }
  main { padding: 8px 8px 20px; gap: 12px; }
  section { padding: 12px 10px; border-radius: 8px; }
  footer { padding: 0 12px 24px; }
  .scroll { overflow-x: auto; }
  .scroll > table { min-width: var(--min); }
  th, td { padding: 6px 7px; }
  thead th { position: static; }
  .target { font-size: 14px; }
  .cards, .grid2 { grid-template-columns: 1fr; }
}
@media print {
  @page { size: A4; margin: 12mm 10mm; }
  body { background: #fff; font-size: 11.5px; }
  header, main, footer { max-width: none; padding-left: 0; padding-right: 0; }
  main { display: block; }
  section { border: 0; border-radius: 0; padding: 0; margin: 0; break-before: page; }
  section:first-of-type { break-before: auto; }
  nav.toc a { border: 0; padding: 0 10px 0 0; text-decoration: underline; }
  thead th, th.key, td.key { position: static; box-shadow: none; }
  thead { display: table-header-group; }
  tr, figure, .card { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .scroll { overflow: visible; }
  .ahead, .sample { background: none; border: 1px solid var(--good); }
  .flag { background: none; border: 1px solid var(--warn); }
  .words span { background: none; }
}
`;
