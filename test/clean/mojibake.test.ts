// Mojibake repair: 004's GBK bytes read one byte out of step, on the real seed and on text garbled
// the same way here, so the repair is tested on sentences it has never seen.
import { describe, expect, it } from "vitest";
import { clean } from "../../src/clean/index.js";
import { garble, repairMojibake } from "../../src/clean/mojibake/index.js";
import { toLines } from "../../src/clean/step.js";
import * as OpenCC from "opencc-js";
import { decode } from "../../src/read/decode/index.js";
import { readBytes, readExpected, seedNames } from "../helpers.js";

const CN = "一二三四五六七八九十";
const convertToTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
const seed004 = seedNames().find((n) => n.startsWith("004"))!;
const decoded = decode(readBytes(`seeds/${seed004}`), seed004);
if (!decoded.ok) throw new Error(decoded.message);
const cleaned = clean(decoded.text, seed004);

describe("004's garbled headings", () => {
  const gold = readExpected("jinjiang");
  const headings = gold.sections.map((s: { no: number; title: string }) => `（${CN[s.no - 1]}）${s.title}`);

  it("come back exactly, each as a line of the body, all 18", () => {
    expect(headings).toHaveLength(18);
    const lines = new Set(cleaned.lines.map((l) => l.text));
    const missing = headings.filter((h: string) => !lines.has(h));
    expect(missing).toEqual([]);
  });

  it("are repaired with a note per run, carrying the original line and the garbled text", () => {
    const repairs = cleaned.notes.filter((n) => n.kind === "mojibake-repaired");
    expect(repairs.length).toBeGreaterThanOrEqual(18);
    for (const n of repairs) {
      expect(n.line).toBeGreaterThan(0);
      expect(n.message).toMatch(/→/);
    }
    expect(cleaned.repairs["mojibake-repaired"]).toBe(repairs.length);
  });

  it("repairs the notice's （此件主动公开） and body runs such as 。科学研判", () => {
    const text = cleaned.lines.map((l) => l.text).join("\n");
    expect(text).toContain("（此件主动公开）");
    expect(text).toContain("综合治理。科学研判");
    // a run whose first character lost its lead byte keeps what is sure and notes the rest
    expect(text).toContain("化品企业");
    expect(cleaned.notes.some((n) => n.kind === "mojibake-repaired" && /unsure/.test(n.message))).toBe(true);
  });
});

describe("text that is not garbled", () => {
  it.each(seedNames().filter((n) => !n.startsWith("004")))("%s passes through untouched", (name) => {
    const d = decode(readBytes(`seeds/${name}`), name);
    if (!d.ok) throw new Error(d.message);
    const lines = toLines(d.text);
    const r = repairMojibake(lines, { source: name });
    expect(r.notes).toEqual([]);
    expect(r.lines).toEqual(lines);
  });

  it("leaves a line that was never read out of step, its lost characters printed as ?", () => {
    // a page that could not show some characters (spaces, a font's gaps) prints "?" for each: the
    // text around them reads as Chinese, so nothing is invented (not 索。恳里号, not 海？编制)
    const lines = toLines("索??引??號：003152889/202112-00031\n????編制實施“十四五”防震減災規劃，是全縣的重要舉措。\n?為提升全縣防災減災能力，制定本規劃。");
    const r = repairMojibake(lines, { source: "t" });
    expect(r.lines).toEqual(lines);
    expect(r.notes).toEqual([]);
  });

  it("keeps a question mark that is a question mark", () => {
    const lines = toLines("如何落实安全生产责任? 这是本规划要回答的问题。\n(一)加强组织领导");
    expect(repairMojibake(lines, { source: "t" }).lines).toEqual(lines);
  });
});

describe("text garbled here the same way", () => {
  const sentences = [
    "（二）完善森林防灭火指挥体系",
    "全面提升基层应急管理能力，推进乡镇应急消防管理站建设。",
    "（四）强化危险化学品全链条安全监管",
  ];

  it.each(sentences)("recovers %s from its traditional, one-byte-shifted GBK", (s) => {
    const garbled = garble(convertToTraditional(s));
    expect(garbled).not.toBe(convertToTraditional(s));
    const r = clean(`前言\n${garbled}\n本规划由应急管理局负责解释。`, "synthetic.html");
    expect(r.lines.map((l) => l.text)).toContain(s);
  });

  it("recovers a heading whose last byte fused with a following </p>", () => {
    const s = "（五）推动应急管理全民参与";
    const garbled = garble(convertToTraditional(s));
    // the last character's trail byte and the "<" of "</p>" decode as one character
    const fused = garbled.slice(0, -1) + "?/p>";
    const r = clean(`前言\n${fused}\n本规划由应急管理局负责解释。`, "synthetic.html");
    const line = r.lines.find((l) => l.text.startsWith("（五）"));
    expect(line?.text).toMatch(/^（五）推动应急管理全民参?与?$/u);
    expect(r.notes.some((n) => n.kind === "mojibake-repaired")).toBe(true);
  });

  it("strips a run it cannot read and says so", () => {
    const r = clean("前言\n本规划?ㄒ唬?ㄒ唬﹦自印发之日起施行。", "synthetic.html");
    const text = r.lines.map((l) => l.text).join("\n");
    expect(text).not.toMatch(/[\u3100-\u312f?]/u);
    expect(r.notes.some((n) => n.kind.startsWith("mojibake"))).toBe(true);
  });
});
