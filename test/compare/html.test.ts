// The HTML report in a real browser (Debian's chromium through playwright-core): it renders with no
// errors and no network, shows the aligned indicators, and plan text cannot run as markup.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compare } from "../../src/compare/index.js";
import type { Comparison } from "../../src/compare/model.js";
import { esc, renderHtml } from "../../src/compare/render/html.js";
import { ingest } from "../../src/dataset/ingest.js";
import { readBytes, root, seedNames } from "../helpers.js";

const CHROMIUM = "/usr/bin/chromium";
const haveBrowser = existsSync(CHROMIUM);
// A newcomer without chromium still gets a passing `npm test`; CI installs it and insists.
if (!haveBrowser && process.env.PLANS_REQUIRE_BROWSER === "1") throw new Error(`${CHROMIUM} is missing but PLANS_REQUIRE_BROWSER=1`);
if (!haveBrowser) console.warn(`browser tests skipped: ${CHROMIUM} not installed (apt-get install chromium)`);

const dataset = ingest(seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: "test" });
const docs = (...slugs: string[]) => slugs.map((s) => dataset.documents.find((d) => d.slug === s)!);

describe("esc", () => {
  it("escapes every character that could open markup or close an attribute", () => {
    expect(esc(`<img src=x onerror="a('b')">&`)).toBe("&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;");
  });
  it("gives the same page for the same comparison", () => {
    const c = compare(docs("yongjia", "linan"));
    expect(renderHtml(c)).toBe(renderHtml(structuredClone(c)));
    expect(renderHtml(c)).not.toMatch(/https?:\/\//);
  });
});

describe.skipIf(!haveBrowser)("in headless chromium", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(html: string): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("request", (r) => {
      if (!/^(about:|data:)/.test(r.url())) problems.push(`request: ${r.url()}`);
    });
    await page.setContent(html, { waitUntil: "load" });
    return { page, problems };
  }

  it("renders yongjia vs linan with a row per aligned indicator, no errors, no network", async () => {
    const c = compare(docs("yongjia", "linan"));
    const { page, problems } = await open(renderHtml(c));
    expect(problems).toEqual([]);
    expect(await page.locator("table.indicators tbody tr").count()).toBe(c.indicators.length);
    const row = page.locator("table.indicators tbody tr", { hasText: "亿元生产总值生产安全事故死亡率" }).first();
    expect(await row.textContent()).toContain("＜0.01");
    expect(await row.textContent()).toContain("<0.005");
    expect(await page.locator("svg rect").count()).toBeGreaterThan(10);
    // the README's picture: refreshed on request (UPDATE_SCREENSHOT=1), so that a test run leaves the tree clean
    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1280, height: 1700 }, fullPage: true });
    expect(shot.length).toBeGreaterThan(10_000);
    if (process.env.UPDATE_SCREENSHOT === "1") {
      const dir = fileURLToPath(new URL("test/__screenshots__/", root));
      mkdirSync(dir, { recursive: true });
      writeFileSync(`${dir}compare-html.png`, shot);
    }
    await page.close();
  }, 60_000);

  it("renders three counties against the national targets", async () => {
    const c = compare(docs("lezhi", "jinjiang", "linan"), { against: "national" });
    const { page, problems } = await open(renderHtml(c));
    expect(problems).toEqual([]);
    expect(await page.locator("table.indicators thead th").count()).toBe(2 + 4);
    await page.close();
  }, 60_000);

  it("shows plan text as text: a title, an indicator or a project cannot inject markup", async () => {
    const c: Comparison = structuredClone(compare(docs("yongjia", "linan")));
    const img = `<img src=x onerror="window.__xss=1">`;
    const script = `<script>window.__xss=2</script>`;
    c.overview[0]!.title = img;
    c.overview[1]!.county = `临安区${script}`;
    c.indicators[0]!.label = `${img}"'`;
    c.projects[0]!.label = script;
    c.topics.shared.unshift(img);
    const { page, problems } = await open(renderHtml(c));
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(await page.locator("body script").count()).toBe(0);
    const text = (await page.textContent("body")) ?? "";
    expect(text).toContain(img);
    expect(text).toContain(script);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
