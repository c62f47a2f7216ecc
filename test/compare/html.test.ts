// The HTML report without a browser: the same page for the same comparison, self-contained, plan
// text escaped, each value's source cited, and the command line in its footer. How the page looks
// and prints in chromium is tested in test/system/browser.test.ts.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { commandLine } from "../../src/commands/compare.js";
import { compare } from "../../src/compare/index.js";
import { renderHtml } from "../../src/compare/render/html.js";
import { esc } from "../../src/compare/render/html-page.js";
import { runCli, tmp } from "../helpers.js";
import { docs, INFO, many, seeds } from "./reports.js";

/** Every href in the page points inside it. */
const OUTSIDE = /https?:|<script|<link|<img|<iframe|\ssrc=|\shref="(?!#)|url\(|@import/i;

describe("renderHtml without a browser", () => {
  it("escapes every character that could open markup or close an attribute", () => {
    expect(esc(`<img src=x onerror="a('b')">&`)).toBe("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
    expect(esc(null)).toBe("");
  });
  it("gives the same page for the same comparison, self-contained, with what made it in the footer", () => {
    for (const c of [compare(docs("yongjia", "linan")), compare(docs("yongjia", "linan"), { against: "national" }), many()]) {
      const html = renderHtml(c, INFO);
      expect(html).toBe(renderHtml(structuredClone(c), INFO));
      expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
      expect(html).toContain(`<meta charset="utf-8">`);
      expect(html).not.toMatch(OUTSIDE);
      const footer = html.slice(html.indexOf("<footer>"));
      for (const s of ["plans 0.0.0-test", INFO.manifest, INFO.command]) expect(footer).toContain(s);
      // the table of contents names every section
      const ids = [...html.matchAll(/<section id="([a-z-]+)">/g)].map((m) => m[1]);
      expect([...html.matchAll(/<a href="#([a-z-]+)">/g)].map((m) => m[1])).toEqual(ids);
    }
  });
  it("cites where each county's indicator value was read, as text; the national column cites none", () => {
    const c = compare(docs("yongjia", "linan"), { against: "national" });
    const html = renderHtml(c, INFO);
    const row = c.indicators.find((r) => r.canonicalId === "safety.deaths" && r.period === "14th")!;
    for (const slug of ["yongjia", "linan"]) {
      const at = row.values[slug]!.at!;
      expect(html).toContain(`<div class="at">出处 ${at.source}:<wbr>${at.lines[0]}`);
    }
    expect(row.values.national!.at).toBeNull();
    expect(html.match(/<div class="at">/g)).toHaveLength(c.indicators.flatMap((r) => ["yongjia", "linan"].filter((s) => r.values[s])).length);
  });
  it("the footer's command line is the one typed, quoted where a shell would need it", () => {
    expect(commandLine(["compare", "yongjia", "临安", "--format", "html", "-o", "a b.html"])).toBe("plans compare yongjia 临安 --format html -o 'a b.html'");
    expect(commandLine(["compare", "--data", "it's"])).toBe(`plans compare --data 'it'\\''s'`);
  });
});

describe("the CLI", () => {
  const dir = tmp("plans-html-");
  const data = join(dir, "out");
  mkdirSync(data);
  for (const d of seeds.documents) writeFileSync(join(data, `${d.slug}.json`), JSON.stringify(d, null, 2) + "\n");
  const documents = seeds.documents.map((d) => ({ slug: d.slug, county: d.county, title: d.title, file: `${d.slug}.json`, sources: d.sources.map((s) => s.path) }));
  writeFileSync(join(data, "manifest.json"), JSON.stringify({ schemaVersion: 1, tool: { name: "plans", version: "test" }, documents, inputs: [] }, null, 2) + "\n");

  it("gives the same page, byte for byte, for the same dataset", async () => {
    const a = await runCli(["compare", "yongjia", "linan", "--data", data, "--format", "html"], { cwd: dir });
    expect(a.status).toBe(0);
    expect((await runCli(["compare", "yongjia", "linan", "--data", data, "--format", "html"], { cwd: dir })).stdout).toBe(a.stdout);
    expect(a.stdout).toContain(`plans compare yongjia linan --data ${data} --format html`);
    expect(a.stdout).toMatch(/manifest\.json sha256 <code>[0-9a-f]{64}<\/code>/);
  });
});
