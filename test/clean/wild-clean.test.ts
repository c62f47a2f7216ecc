import { describe, expect, it } from "vitest";
import { readLayout } from "../../src/clean/layout.js";
import { stripPinyin } from "../../src/clean/pinyin.js";
import { splitRunOnHeadings } from "../../src/clean/run-on.js";
import { joinSharedPages } from "../../src/clean/sharing.js";
import { prepare } from "../../src/pipeline.js";
import { readBytes } from "../helpers.js";

const lines = (text: string) => text.split("\n").map((t, i) => ({ text: t, line: i + 1 }));
const ctx = { source: "t.txt" };

describe("pinyin readings", () => {
  it("are taken out after characters, tone-marked or not, and nothing else in brackets", () => {
    expect(stripPinyin("规(guī)划(huà)和（he）").text).toBe("规划和");
    expect(stripPinyin("生产总值(GDP)、面积(km2)、（一）、方案(试行)").removed).toBe(0);
  });
});

describe("run-on headings", () => {
  it("cut a flattened page before the headings that continue its numbering", () => {
    const text = "为提升防灾能力，制定本规划。一、现状与形势（一）主要成效全区建成避灾场所。（二）面临的形势内涝风险较高。二、总体要求（一）指导思想坚持人民至上。1.完善网络。2.强化预警。";
    const out = splitRunOnHeadings(lines(text), ctx).lines.map((l) => l.text);
    expect(out).toEqual(["为提升防灾能力，制定本规划。", "一、现状与形势", "（一）主要成效全区建成避灾场所。", "（二）面临的形势内涝风险较高。", "二、总体要求", "（一）指导思想坚持人民至上。", "1.完善网络。", "2.强化预警。"]);
  });
  it("leave a line of numbered sentences alone (a box's entries, a table's notes)", () => {
    const text = "一、任务\n" + "1.一个指挥平台。实现危险源、防护目标的查询和统计展示功能的建设。 2.两网建设：感知网建设，将已建传感器接入平台。 3.战时指挥云平台，以突发事件应对为主线。";
    expect(splitRunOnHeadings(lines(text), ctx).lines).toHaveLength(2);
  });
});

describe("document-sharing pages", () => {
  it("lose their page numbers, each page joined to the sentence it continues", () => {
    const text = "上传人：某某 文档编号：1 上传时间：2023-01-01\n资源描述\n1、某县规划为贯彻落实部署，制定本规划。一、现状与形势矿产资源\n2、开发规模较大，监管力量薄弱。";
    const r = joinSharedPages(lines(text), ctx);
    expect(r.lines.map((l) => l.text).slice(2)).toEqual(["某县规划为贯彻落实部署，制定本规划。一、现状与形势矿产资源开发规模较大，监管力量薄弱。"]);
    expect(r.notes).toHaveLength(2);
  });
  it("leave a page without the sites' furniture alone", () => {
    expect(joinSharedPages(lines("1、第一条。\n2、第二条。"), ctx).lines.map((l) => l.text)).toEqual(["1、第一条。", "2、第二条。"]);
  });
});

describe("pdftotext -layout", () => {
  const page = (n: number, body: string[]) => ["          某县应急管理“十四五”规划", "", ...body, "", `                — ${n} —`].join("\n");
  const text = [
    page(1, ["    一、现状与形势", "  序号  类别        指标名称                  目标值      属性", "  1     安全生产    生产安全事故死亡人数      下降15%     约束性", "  2                 亿元生产总值生产安全事    下降33%     约束性", "                    故死亡率"]),
    page(2, ["  3     防灾减灾    年均因灾直接经济损失占    <1%         预期性", "                    生产总值比例", "注：带〔〕的为五年平均值。"]),
    page(3, ["    二、总体要求"]),
  ].join("\n\f");
  const r = readLayout(lines(text), ctx);
  const out = r.lines.map((l) => l.text.trim()).filter((t) => t !== "");
  it("drops the running header (its first copy stays: the body prints no title), page-number footers and form feeds", () => {
    expect(out.filter((t) => t.includes("某县应急管理") || /—\s*\d+\s*—/.test(t))).toEqual(["某县应急管理“十四五”规划"]);
    expect(r.repairs["page-furniture-dropped"]).toBe(5);
  });
  it("turns the table's columns into TAB rows, wrapped cells joined, across the page break", () => {
    expect(out.filter((t) => t.includes("\t"))).toEqual([
      "序号\t类别\t指标名称\t目标值\t属性",
      "1\t安全生产\t生产安全事故死亡人数\t下降15%\t约束性",
      "2\t\t亿元生产总值生产安全事故死亡率\t下降33%\t约束性",
      "3\t防灾减灾\t年均因灾直接经济损失占生产总值比例\t<1%\t预期性",
    ]);
    expect(out).toContain("注：带〔〕的为五年平均值。");
  });
});

describe("what the wild pages leave after cleaning", () => {
  const cleanedText = async (file: string) => {
    const prepared = await prepare(readBytes(`fixtures/wild/${file}`), file);
    if (!prepared.ok) throw new Error(prepared.message);
    return prepared.cleaned;
  };
  it("drops glued breadcrumbs and counters, keeping the sentence a record line was glued to", async () => {
    const c = await cleanedText("w44-chrome-glued.txt");
    const text = c.lines.map((l) => l.text);
    expect(text.filter((t) => /点击|浏览|位置：|日期：|^-/u.test(t))).toEqual([]);
    expect(text.some((t) => t.startsWith("森林防灭火工作事关森林资源和生态安全"))).toBe(true);
    expect(c.meta["发布时间"]).toBe("2022-07-21");
  });
  it("drops contents whose page numbers are glued on, in lines or run into one line", async () => {
    for (const file of ["w47-toc-glued.txt", "w48-toc-one-line.txt"]) {
      const text = (await cleanedText(file)).lines.map((l) => l.text);
      expect(text.filter((t) => /[\p{Script=Han}）”]\d{1,2}$/u.test(t))).toEqual([]);
    }
  });
  it("cuts betting and video spam out of titles and sentences, and keeps the sentences", async () => {
    const text = (await cleanedText("w49-spam-betting.txt")).lines.map((l) => l.text).join("\n");
    expect(text).not.toMatch(/体育|杏彩|官网|入口|av|国产|一区/u);
    expect(text).toContain("发展机遇，是全面推进应急管理体系和能力现代化的关键时期");
    expect(text).toContain("加强应急管理体系建设任务艰巨");
    expect(text).toContain("全县建成应急避难场所十二处，覆盖全部乡镇。");
  });
  it("invents nothing where a page printed ? for characters it could not show", async () => {
    const c = await cleanedText("w33-trad-pinyin-lost.txt");
    expect(c.notes.filter((n) => n.kind.startsWith("mojibake"))).toEqual([]);
    expect(c.meta["索引号"]).toBe("11340223MB/2022-00118");
    expect(c.lines.map((l) => l.text).join("\n")).not.toMatch(/\(\p{Script=Latin}+\)/u);
  });
  it("drops a sharing site's upload fields and share sentence", async () => {
    const text = (await cleanedText("w35-docshare-word.txt")).lines.map((l) => l.text);
    expect(text.filter((t) => /由会员分享|页数|大小|格式：|文档编号|上传时间/u.test(t))).toEqual([]);
  });
});
