// The frame every HTML report shares: head, title, colour key, table of contents, sections and the
// footer that says what made the page. Everything that comes from a plan is untrusted and goes
// through `esc`; the only unescaped values in the markup are this folder's own constants, numbers
// it computed and SVG that Plot serialized (which escapes text and attribute values itself).
import type { ColumnStyle } from "./charts.js";
import { keySymbol } from "./charts.js";
import { CSS } from "./html-style.js";

/** What made the page, for its footer: the same command on the same dataset gives the same page. */
export interface PageInfo {
  /** the version of `plans` */
  version: string;
  /** sha256 (hex) of the dataset's manifest.json */
  manifest: string;
  /** the command line, as typed */
  command: string;
}

export interface PageSection {
  id: string;
  /** short, for the table of contents */
  nav: string;
  /** the section's heading, markup */
  heading: string;
  body: string;
}

/** Escapes text for element content and quoted attribute values alike. */
export function esc(value: unknown): string {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/** A column's name with its key symbol (colour and shape), as headings and the key show it. */
export function named(c: ColumnStyle): string {
  return `<span class="colhead">${keySymbol(c)}${esc(c.name)}</span>`;
}

export function renderPage(p: { title: string; sub: string; key: ColumnStyle[]; sections: PageSection[]; info: PageInfo }): string {
  const key = p.key.length
    ? `<ul class="legend" aria-label="图例 key">${p.key.map((c) => `<li>${named(c)}</li>`).join("")}<li class="hint">图中越靠右，目标越严 · further right is stricter</li></ul>`
    : "";
  const toc = `<nav class="toc" aria-label="目录 contents">${p.sections.map((s) => `<a href="#${s.id}">${esc(s.nav)}</a>`).join("")}</nav>`;
  const sections = p.sections.map((s) => `<section id="${s.id}"><h2>${s.heading}</h2>\n${s.body}\n</section>`).join("\n");
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(p.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${esc(p.title)}</h1><p class="sub">${p.sub}</p>${key}${toc}</header>
<main>
${sections}
</main>
<footer><dl>
<dt>工具 tool</dt><dd>plans ${esc(p.info.version)}</dd>
<dt>数据集 dataset</dt><dd>manifest.json sha256 <code>${esc(p.info.manifest)}</code></dd>
<dt>命令 command</dt><dd><code>${esc(p.info.command)}</code></dd>
</dl></footer>
</body>
</html>
`;
}
