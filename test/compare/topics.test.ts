// Task topics are content words: function words and segmentation fragments that the stored
// keywords carry never show as topics, and the content words around them still do.
import { describe, expect, it } from "vitest";
import { FUNCTION_WORDS, GENERIC_WORDS } from "../../src/catalog/topic-words.js";
import { compare } from "../../src/compare/index.js";
import { isTopic } from "../../src/compare/topics.js";
import { ingest } from "../../src/dataset/ingest.js";
import { readBytes, seedNames } from "../helpers.js";

const docs = (await ingest(seedNames().map((n) => ({ path: n, bytes: readBytes(`seeds/${n}`) })), { toolVersion: "test" })).documents;

describe("isTopic", () => {
  it.each(["之间", "以有", "各类", "各方", "更加", "仍然", "尚未", "以及", "共治及", "向省", "不够", "其中"])("%s is not a topic", (w) => {
    expect(isTopic(w, "永嘉县")).toBe(false);
  });
  it.each(["巨灾", "避灾", "普及", "参与", "消防站", "救灾物资", "地质灾害", "一张图", "植被"])("%s is a topic", (w) => {
    expect(isTopic(w, "永嘉县")).toBe(true);
  });
  it("a county's own name is not a topic of its plan", () => {
    expect(isTopic("永嘉", "永嘉县")).toBe(false);
    expect(isTopic("永嘉县", "永嘉县")).toBe(false);
    expect(isTopic("永嘉", "临安区")).toBe(true);
  });
  it("the lists hold no content word of the plans' vocabulary", () => {
    for (const w of [...FUNCTION_WORDS, ...GENERIC_WORDS]) expect(w).not.toMatch(/灾|救|防|消|险|急/u);
  });
});

describe("on the seeds", () => {
  const stored = new Set(docs.flatMap((d) => d.chapters.flatMap((c) => [...c.items, ...c.sections.flatMap((s) => s.items)]).flatMap((it) => it.keywords)));
  const c = compare(docs);
  const shown = [
    ...Object.values(c.topics.keywords).flatMap((ks) => ks.map((k) => k.word)),
    ...c.topics.shared,
    ...Object.values(c.topics.only).flat(),
  ];
  it("the stored keywords carry function words (the filter has work to do)", () => {
    expect(stored.has("之间")).toBe(true);
    expect(stored.has("以有")).toBe(true);
  });
  it("no function word or fragment shows as a topic", () => {
    expect(shown.length).toBeGreaterThan(50);
    for (const w of shown) {
      expect(FUNCTION_WORDS).not.toContain(w);
      expect(GENERIC_WORDS).not.toContain(w);
    }
    expect(shown).not.toContain("之间");
    expect(shown).not.toContain("以有");
  });
  it("content words still do", () => {
    expect(shown).toEqual(expect.arrayContaining(["救援", "灾害", "队伍", "监测"]));
  });
});
