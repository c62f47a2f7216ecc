import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isChromeName } from "../../src/clean/html/chrome.js";
import { collapseSpace } from "../../src/clean/html/dom.js";
import { htmlToText } from "../../src/clean/html/index.js";
import { detectHtmlKind } from "../../src/clean/html/kind.js";
import { decodeEntities, findTags } from "../../src/clean/html/markup.js";
import { expandSpans } from "../../src/clean/html/table.js";
import { toLines } from "../../src/clean/step.js";
import type { Line } from "../../src/model.js";

const read = (rel: string): string => readFileSync(new URL(`../../${rel}`, import.meta.url), "utf8");
const ctx = { source: "test" };
const run = (text: string) => htmlToText(toLines(text), ctx);

describe("htmlToText on a saved page (fixtures/html/page.html)", () => {
  const src = read("fixtures/html/page.html");
  const srcLines = src.split("\n");
  const r = run(src);
  const texts = r.lines.map((l) => l.text);

  it("is read as a page", () => {
    expect(detectHtmlKind(toLines(src))).toBe("page");
    expect(r.repairs["html-page-converted"]).toBe(1);
  });

  it("renders exactly the content lines", () => {
    expect(texts).toEqual([
      "索引号\t11350100MB0000000X/2022-00145\t发布机构\t某某县人民政府办公室",
      "成文日期\t2022-07-11\t发布日期\t2022-07-25",
      "某某县应急管理“十四五”规划",
      "为全面提升我县应急管理能力，根据《某某市应急管理“十四五”规划》，结合我县实际，制定本规划。",
      "一、总体要求",
      "（一）指导思想",
      "坚持人民至上、生命至上，统筹发展和安全，",
      "推进应急管理体系和能力现代化。",
      "主要指标见下表：",
      "序号\t类别\t指标名称\t2020年\t2025年\t属性",
      "1\t安全生产\t生产安全事故死亡人数\t12\t<10\t约束性",
      "2\t安全生产\t亿元GDP生产安全事故 死亡率\t0.05\t下降33%\t约束性",
      "3\t安全生产\t工矿商贸就业人员十万人死亡率\t—\t—\t预期性",
      "4\t防灾减灾\t年均每百万人口因灾死亡率\t0.9\t<1\t预期性",
      "森林火灾受害率控制在0.8‰以内，灾后受灾群众基本生活得到有效救助的时间<12小时。",
    ]);
  });

  it("expands rowspan and colspan into complete tab-separated rows and notes each table", () => {
    const rows = texts.filter((t) => t.includes("\t") && !t.includes("索引号") && !t.includes("成文日期"));
    expect(rows.every((t) => t.split("\t").length === 6)).toBe(true);
    expect(rows.filter((t) => t.split("\t")[1] === "安全生产")).toHaveLength(3);
    const tables = r.notes.filter((n) => n.kind === "html-table");
    expect(tables.map((n) => n.message)).toEqual([
      "table of 2 rows × 4 columns",
      "table of 5 rows × 6 columns (2 spanning cells expanded)",
    ]);
    expect(r.repairs["html-empty-rows-dropped"]).toBe(1);
  });

  it("drops nav, breadcrumb, footer, share/toolbar, script and style, and notes each", () => {
    const all = texts.join("\n");
    for (const gone of ["首页", "政务公开", "当前位置", "网站标识码", "ICP备", "分享", "打印", "_hmt", "统计代码", "text-indent", "无障碍"]) {
      expect(all).not.toContain(gone);
    }
    const dropped = r.notes.filter((n) => n.kind === "html-dropped").map((n) => n.message);
    expect(dropped).toContain('dropped <nav class="menu"> (12 chars of text: "首页 政务公开 互动交流")');
    expect(dropped.some((m) => m.startsWith('dropped <div class="breadcrumb">'))).toBe(true);
    expect(dropped.some((m) => m.startsWith('dropped <div id="footer" class="footer">') && m.includes("网站标识码"))).toBe(true);
    expect(dropped.some((m) => m.startsWith("dropped <style"))).toBe(true);
    expect(dropped.filter((m) => m.startsWith("dropped <script"))).toHaveLength(2);
    expect(r.repairs["html-chrome-dropped"]).toBeGreaterThanOrEqual(5);
    expect(r.repairs["html-scripts-dropped"]).toBe(3);
    expect(r.repairs["html-entities-decoded"]).toBeGreaterThan(0);
    expect(r.repairs["html-tags-removed"]).toBeGreaterThan(0);
  });

  it("points every dropped-element note at the line where that element starts", () => {
    for (const n of r.notes.filter((x) => x.kind === "html-dropped")) {
      const tag = n.message.match(/^dropped <(\w+)/)![1];
      expect(srcLines[n.line! - 1]).toContain(`<${tag}`);
    }
  });

  it("maps every output line back to the source line its text starts on", () => {
    const at = (t: string) => r.lines.find((l) => l.text === t)!.line;
    expect(at("一、总体要求")).toBe(srcLines.findIndex((s) => s.includes("一、总体要求")) + 1);
    expect(at("推进应急管理体系和能力现代化。")).toBe(39);
    for (const l of r.lines) {
      const head = l.text.split("\t")[0].slice(0, 4);
      expect(srcLines[l.line - 1]).toContain(head);
    }
  });
});

describe("htmlToText on plain text with stray tags", () => {
  it("keeps every line and its number, removing only the tags (fixtures/html/stray-tags.txt)", () => {
    const src = read("fixtures/html/stray-tags.txt");
    const input = toLines(src);
    expect(detectHtmlKind(input)).toBe("stray");
    const r = htmlToText(input, ctx);
    expect(r.lines.map((l) => l.line)).toEqual(input.map((l) => l.line));
    expect(r.lines.map((l) => l.text)).toEqual([
      "",
      "",
      "",
      "某某县应急管理“十四五”规划",
      "一、总体要求",
      "　　到2025年，灾后受灾群众基本生活得到有效救助的时间<12小时，亿元GDP死亡率＜0.01。",
      "若a<b且b>c，则按较严标准执行 <详见附表>；编号一二。",
      "",
      "",
      "（二）主要目标",
      "",
    ]);
    expect(r.repairs["html-tags-removed"]).toBe(14);
    expect(r.repairs["html-lines-emptied"]).toBe(4);
    expect(r.repairs["html-entities-decoded"]).toBe(5);
    expect(r.notes.filter((n) => n.kind !== "markup-line-dropped")).toEqual([
      { stage: "clean", step: "html", kind: "html-dropped", severity: "loss", source: "test", line: 9, message: "dropped <script> (22 chars)" },
    ]);
    // every line that held only markup is accounted for, by its number
    expect(r.notes.filter((n) => n.kind === "markup-line-dropped")).toHaveLength(r.repairs["html-lines-emptied"]!);
  });

  it("leaves inequalities alone: <12小时, ＜0.01, a<b, <0.005, x < y > z", () => {
    for (const t of ["<12小时", "＜0.01", "a<b", "<0.005 | 约束性", "<〔0.9%〕", "x < y > z", "若a<b且b>c", "<<目录>>"]) {
      expect(findTags(t)).toEqual([]);
      const r = run(`${t}\n<ins id="q"></ins>`);
      expect(r.lines[0].text).toBe(t);
    }
  });

  it("removes script content spanning lines, and multi-line comments, without losing lines", () => {
    const r = run('一、总体要求<script>\nvar a = "<p>x</p>";\n</script>（一）指导思想\n<!-- 注释\n还在注释 -->正文');
    expect(r.lines).toEqual([
      { text: "一、总体要求", line: 1 },
      { text: "", line: 2 },
      { text: "（一）指导思想", line: 3 },
      { text: "", line: 4 },
      { text: "正文", line: 5 },
    ]);
    expect(r.notes.map((n) => [n.kind, n.line]).sort()).toEqual([["html-dropped", 1], ["markup-line-dropped", 2], ["markup-line-dropped", 4]]);
  });

  it("treats </p> glued at line ends as stray, not as a page", () => {
    const text = Array.from({ length: 6 }, (_, i) => `第${i + 1}段内容。</p>`).join("\n");
    expect(detectHtmlKind(toLines(text))).toBe("stray");
    expect(run(text).lines.map((l) => l.text)).toEqual(Array.from({ length: 6 }, (_, i) => `第${i + 1}段内容。`));
  });

  it("separates words a block tag stood between, but not inline ones", () => {
    expect(run("指标</td><td>2020年<b>目标</b>").lines[0].text).toBe("指标 2020年目标");
  });
});

describe("htmlToText on text without markup", () => {
  it("returns the same lines untouched with no notes or repairs", () => {
    const input: Line[] = toLines("一、总体要求\n<12小时 <10小时 预期性\n  a<b\n");
    const r = htmlToText(input, ctx);
    expect(r.lines).toBe(input);
    expect(r.notes).toEqual([]);
    expect(r.repairs).toEqual({});
    expect(detectHtmlKind(input)).toBe("none");
  });
});

describe("htmlToText on the seeds", () => {
  it("strips every tag from 004 and keeps its line count", () => {
    const input = toLines(read("seeds/004_6f7d79f1b7bb937e.txt"));
    expect(detectHtmlKind(input)).toBe("stray");
    const r = htmlToText(input, ctx);
    expect(r.lines).toHaveLength(input.length);
    expect(r.lines.map((l) => l.line)).toEqual(input.map((l) => l.line));
    for (const l of r.lines) {
      expect(findTags(l.text)).toEqual([]);
      expect(l.text).not.toMatch(/<\/?[A-Za-z][^<>]*>/);
    }
    expect(r.lines.find((l) => l.line === 358)!.text).toContain("森林火災受害率<0.8‰");
    expect(r.repairs["html-tags-removed"]).toBeGreaterThan(0);
  });

  for (const seed of ["000_5f02f4d983df7aea", "001_2b4fa658977f0053", "002_3693ba97f58c2210", "003_cf0accc487ded217"]) {
    it(`leaves seed ${seed} unchanged`, () => {
      const input = toLines(read(`seeds/${seed}.txt`));
      const r = htmlToText(input, ctx);
      expect(r.lines).toEqual(input);
      expect(r.notes).toEqual([]);
    });
  }
});

describe("page details", () => {
  it("reads a fragment dense with block tags as a page and maps lines through the input's own numbers", () => {
    const input = toLines("<p>一、总体要求</p>\n<p>（一）指导\n思想</p>\n<div>正文&amp;附件</div>").map((l) => ({
      ...l,
      line: l.line + 100,
    }));
    expect(detectHtmlKind(input)).toBe("page");
    expect(htmlToText(input, ctx).lines).toEqual([
      { text: "一、总体要求", line: 101 },
      // a block whose text runs over two lines of markup stands for both
      { text: "（一）指导思想", line: 102, end: 103 },
      { text: "正文&附件", line: 104 },
    ]);
  });

  it("keeps line breaks inside <pre>", () => {
    const r = run("<!doctype html><body><p>说明</p><pre>\n第一行\n  第二行\n</pre></body>");
    expect(r.lines).toEqual([
      { text: "说明", line: 1 },
      { text: "第一行", line: 2 },
      { text: "  第二行", line: 3 },
    ]);
  });

  it("flattens a nested table into its cell without crashing", () => {
    const html =
      "<html><body><table><tr><th>项目</th><th>内容</th></tr>" +
      "<tr><td>甲</td><td><table><tr><td>a</td><td>b</td></tr><tr><td colspan=2>c</td></tr></table></td></tr>" +
      "</table></body></html>";
    expect(run(html).lines.map((l) => l.text)).toEqual(["项目\t内容", "甲\ta b / c"]);
  });

  it("reads a layout table (page in one cell) as blocks, not as one huge row", () => {
    const body = Array.from({ length: 4 }, (_, i) => `<p>第${i + 1}段${"内容".repeat(80)}</p>`).join("");
    const r = run(`<html><body><table><tr><td><h1>规划</h1>${body}</td></tr></table></body></html>`);
    expect(r.lines).toHaveLength(5);
    expect(r.lines.some((l) => l.text.includes("\t"))).toBe(false);
    expect(r.notes.some((n) => n.kind === "html-table")).toBe(false);
  });

  it("keeps a page-wrapping <form> and an article's own <header>", () => {
    const paras = Array.from({ length: 5 }, (_, i) => `<p>第${i + 1}条${"规定".repeat(40)}</p>`).join("\n");
    const r = run(
      `<!DOCTYPE html><html><body><form id="form1"><article><header><h1>某县规划</h1></header>\n${paras}</article>` +
        `<input type="text" value="搜索"><button>搜索</button></form></body></html>`,
    );
    expect(r.lines[0].text).toBe("某县规划");
    expect(r.lines).toHaveLength(6);
    expect(r.lines.map((l) => l.text).join("")).not.toContain("搜索");
  });

  it("drops a table's empty rows and repeats rowspan=0 to the end", () => {
    expect(expandSpans([
      [{ text: "A", rowspan: 0, colspan: 1 }, { text: "1", rowspan: 1, colspan: 2 }],
      [{ text: "2", rowspan: 1, colspan: 1 }],
      [],
    ])).toEqual([
      ["A", "1", "1"],
      ["A", "2", ""],
      ["A", "", ""],
    ]);
  });
});

describe("helpers", () => {
  it("decodes entities, leaving unknown names and bare ampersands", () => {
    expect(decodeEntities("&lt;0.5&gt; &#x4e00;&#20108; &ldquo;十四五&rdquo; &permil; &hearts; &#150;")).toEqual({
      text: "<0.5> 一二 “十四五” ‰ ♥ –",
      count: 9,
    });
    expect(decodeEntities("R&D &foo; &notit; A & B")).toEqual({ text: "R&D &foo; &notit; A & B", count: 0 });
    expect(decodeEntities("&nbsp;&nbsp;").text).toBe("  ");
    expect(decodeEntities("&AMP;&ensp;&#160;&#0;&#xD800;&#128;")).toEqual({ text: "&  \ufffd\ufffd€", count: 6 });
  });

  it("finds only well-formed tags with HTML element names", () => {
    expect(findTags('a<p class="x">b</p><o:p></o:p><!-- c --><br/>').map((t) => t.raw)).toEqual([
      '<p class="x">',
      "</p>",
      "<o:p>",
      "</o:p>",
      "<!-- c -->",
      "<br/>",
    ]);
    expect(findTags("<T>温度 <abc> <p")).toEqual([]);
  });

  it("recognises chrome by id/class words", () => {
    expect(isChromeName("", "menu")).toBe(true);
    expect(isChromeName("topNav", "")).toBe(true);
    expect(isChromeName("", "top-bar")).toBe(true);
    expect(isChromeName("", "bread-crumb")).toBe(true);
    expect(isChromeName("", "article-header")).toBe(false);
    expect(isChromeName("", "menuitem-content")).toBe(false);
    expect(isChromeName("zoom", "content")).toBe(false);
    expect(isChromeName("", "snavigator")).toBe(false);
  });

  it("collapses whitespace, dropping source line breaks between Chinese characters", () => {
    expect(collapseSpace("  规划\n   编制 \n\t 依据 a\nb\u00a0c  ")).toBe("规划编制依据 a b c");
  });
});
