// The cleaner on the real seed files: what the cleaned text of every seed must and must not contain.
import { describe, expect, it } from "vitest";
import { clean, cleanedText } from "../../src/clean/index.js";
import { toSimplified } from "../../src/clean/opencc.js";
import { traditionalShare } from "../../src/clean/script.js";
import { decode } from "../../src/read/decode/index.js";
import { readBytes, seedNames } from "../helpers.js";

const results = new Map(
  seedNames().map((name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    return [name, clean(d.text, name)] as const;
  }),
);
const text = (prefix: string) => cleanedText([...results.entries()].find(([n]) => n.startsWith(prefix))![1].lines);
const result = (prefix: string) => [...results.entries()].find(([n]) => n.startsWith(prefix))![1];

describe.each(seedNames())("cleaned %s", (name) => {
  const r = results.get(name)!;
  const t = cleanedText(r.lines);

  it("has no HTML tags or entities", () => {
    expect(t).not.toMatch(/<\/?[a-zA-Z][^>]*>/);
    expect(t).not.toMatch(/&(?:[a-z]+|#\d+|#x[0-9a-f]+);/i);
  });
  it("has no traditional characters left", () => {
    // simplified text may keep a 於 in a place name (於潜 in 临安); a traditional page must convert fully
    expect(traditionalShare(t)).toBeLessThan(0.001);
    if (r.script === "traditional") expect(toSimplified(t)).toBe(t);
  });
  it("has no mojibake characters", () => {
    expect(t).not.toMatch(/[\u3100-\u312f\ufffd\ue000-\uf8ff]/u);
    expect(t).not.toMatch(/[?？][\u3400-\u9fff。（]|[\u3400-\u9fff][?？](?![\s”]|$)/u);
  });
  it("has no table-of-contents lines", () => {
    expect(t).not.toMatch(/(\.{4,}|…{3,}|·{4,})\s*\d*$/mu);
    expect(t).not.toMatch(/^目\s*录$/mu);
  });
  it("has no site chrome or spam lines", () => {
    expect(t).not.toMatch(/ICP备|网站标识码|公网安备|浏览次数|访问量|当前位置|分享：?$|Copyright|扫一扫|设为首页|呻吟|喷液/mu);
  });
  it("has no whitespace-only lines and no line with ASCII punctuation between Chinese characters", () => {
    for (const l of r.lines) {
      expect(l.text.trim()).not.toBe("");
      expect(l.text).not.toMatch(/[\u3400-\u9fff][,;:!?][\u3400-\u9fff]/u);
    }
  });
  it("accounts for every line it drops with a note carrying the line number", () => {
    for (const n of r.notes.filter((n) => n.kind.endsWith("-dropped"))) {
      expect(n.line).toBeGreaterThan(0);
      expect(n.source).toBe(name);
    }
  });
  it("keeps each line's source line number in order", () => {
    for (let i = 1; i < r.lines.length; i++) expect(r.lines[i].line).toBeGreaterThanOrEqual(r.lines[i - 1].line);
  });
});

describe("PDF unwrapping (003)", () => {
  const t = text("003");
  it("joins hard-wrapped lines back into paragraphs", () => {
    expect(t).toContain("是永嘉县高水平全面建成小康社会之后");
    expect(t).toContain("已经县政府第72次常务会议审议通过");
    expect(result("003").repairs["lines-unwrapped"]).toBeGreaterThan(700);
  });
  it("never joins a heading onto its neighbour", () => {
    expect(t).toMatch(/^一、改革与发展基础$/mu);
    expect(t).toMatch(/^（一）“十三五”期间工作成效$/mu);
    expect(t).toMatch(/^七、重点工程$/mu);
    expect(t).toMatch(/^专栏2：永嘉县应急管理“十四五”规划分类指标详表$/mu);
  });
  it("never joins table rows onto body text", () => {
    expect(t).toMatch(/^2 生产安全事故死亡人数 人 62 — 44% 6$/mu);
    expect(t).toMatch(/^1 生产安全事故起数 6 下降 35% 约束性$/mu);
  });
  it("drops the page number and the page-break indentation", () => {
    expect(t).not.toMatch(/^- ?11 ?-$/mu);
    expect(result("003").notes.some((n) => n.kind === "page-number-dropped" && n.line === 431)).toBe(true);
    expect(t).not.toMatch(/^\s/mu);
  });
  it("leaves no prose line ending mid-sentence where the full-width page line broke it", () => {
    // a body line that fills the page width without ending a sentence would be an unjoined wrap
    const suspicious = result("003").lines.filter((l) => /[\u3400-\u9fff，]$/u.test(l.text) && [...l.text].length >= 26 && [...l.text].length <= 29 && /[，。]/u.test(l.text));
    expect(suspicious.length).toBeLessThanOrEqual(3);
  });
});

describe("web copies", () => {
  it("splits the paragraphs that 000 runs together on one line", () => {
    const t = text("000");
    expect(t).toMatch(/^一、改革与发展基础$/mu);
    expect(t).toMatch(/^1\.应急管理机制体制初步构建。/mu);
    expect(t).toMatch(/^永嘉县人民政府$/mu);
    expect(t).toMatch(/^2021年12月28日$/mu);
  });
  it("turns 001's `a | b |` rows into tab-separated cells", () => {
    const t = text("001");
    expect(t).toContain("序号\t类别\t指标名称\t2025年目标\t指标属性");
    expect(t).toContain("2\t生产安全事故死亡人数*\t下降〔50%〕\t约束性");
  });
  it("keeps the web record's metadata as key–value pairs", () => {
    expect(result("001").meta).toMatchObject({ 索引号: "002508115/2025-78086", 发布单位: "区府办", 发文日期: "2025-05-15" });
    expect(result("002").meta).toMatchObject({ 成文日期: "2022-08-11", 文号: "乐府发〔2022〕42号", 发布机构: "乐至县人民政府" });
    expect(result("004").meta).toMatchObject({ 文号: "晋政办〔2022〕21号", 发布机构: "晋江市人民政府办公室" });
  });
  it("drops the tables of contents of 001, 002 and 004 but keeps the body headings", () => {
    for (const [seed, n] of [["001", 35], ["002", 23]] as const) expect(result(seed).repairs["toc-dropped"]).toBe(n);
    expect(text("001")).toMatch(/^三、深化应急管理体系现代化建设$/mu);
    expect(text("002")).toMatch(/^（六）加强群防群治体系建设$/mu);
  });
  it("converts 004 from traditional and reports it", () => {
    expect(result("004").script).toBe("traditional");
    for (const s of ["000", "001", "002", "003"]) expect(result(s).script).toBe("simplified");
    expect(text("004")).toContain("晋江市“十四五”应急体系建设");
  });
  it("drops 004's injected spam line and notes it", () => {
    expect(result("004").notes.some((n) => n.kind === "spam-dropped" && n.line === 931)).toBe(true);
  });
});
