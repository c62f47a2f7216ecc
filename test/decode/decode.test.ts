import { describe, expect, it } from "vitest";
import { decode, readability } from "../../src/decode/index.js";
import { readBytes, readText, seedNames } from "../helpers.js";

const simplified = readText("fixtures/encodings/excerpt.txt");
const traditional = readText("fixtures/encodings/excerpt-traditional.txt");

function decoded(rel: string) {
  const r = decode(readBytes(rel), rel);
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
}

describe("decode", () => {
  it.each([
    ["gb18030.txt", "gb18030", simplified],
    ["gbk-traditional.txt", "gb18030", traditional],
    ["big5.txt", "big5", traditional],
    ["utf16le-bom.txt", "utf-16le", simplified],
    ["utf16le.txt", "utf-16le", simplified],
    ["utf16be.txt", "utf-16be", simplified],
  ])("%s decodes as %s to the excerpt's text", (file, encoding, text) => {
    const r = decoded(`fixtures/encodings/${file}`);
    expect(r.encoding).toBe(encoding);
    expect(r.text).toBe(text);
  });

  it("strips a UTF-8 BOM and keeps CRLF for the cleaner to split", () => {
    const r = decoded("fixtures/encodings/utf8-bom-crlf.txt");
    expect(r).toMatchObject({ encoding: "utf-8", method: "bom", confidence: 1 });
    expect(r.text.replace(/\r\n/g, "\n")).toBe(simplified);
  });

  it("treats <meta charset> as evidence, not as truth", () => {
    expect(decoded("fixtures/encodings/gb18030-page.html").encoding).toBe("gb18030");
    const lying = decoded("fixtures/encodings/gbk-declared-utf8.html");
    expect(lying.encoding).toBe("gb18030");
    expect(lying.text).toContain("生产安全事故死亡人数下降15%");
  });

  it("detected encodings come with a confidence well above a coin toss", () => {
    for (const f of ["gb18030.txt", "big5.txt", "utf16le.txt"]) expect(decoded(`fixtures/encodings/${f}`).confidence).toBeGreaterThan(0.5);
  });

  it("keeps a file whose last character was cut off, and says so", () => {
    const r = decoded("fixtures/encodings/truncated-utf8.txt");
    expect(r.encoding).toBe("utf-8");
    expect(r.notes.map((n) => n.kind)).toEqual(["truncated"]);
    expect(simplified.startsWith(r.text)).toBe(true);
  });

  it("decodes a GBK paragraph pasted into a UTF-8 file line by line", () => {
    const r = decoded("fixtures/encodings/mixed-gbk-in-utf8.txt");
    expect(r.method).toBe("mixed");
    expect(r.text).toContain("本段落以GBK编码粘贴进来");
    expect(r.text).toContain("最后一行仍是UTF-8。");
    expect(r.notes).toEqual([expect.objectContaining({ kind: "mixed-encoding", line: 6 })]);
  });

  it.each([
    ["not-text.pdf", "pdf", /PDF/],
    ["not-text.docx", "zip", /ZIP.*docx/],
    ["not-text.png", "png", /PNG/],
    ["random.bin", "binary", /binary/],
  ])("refuses %s, naming the file and what it looks like", (file, kind, what) => {
    const r = decode(readBytes(`fixtures/encodings/${file}`), file);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.message).toMatch(new RegExp(`^${file.replace(".", "\\.")}: not a text file`));
    expect(r.message).toMatch(what);
  });

  it("refuses an empty file", () => {
    expect(decode(new Uint8Array(), "empty.txt")).toMatchObject({ ok: false, kind: "empty" });
  });

  it("reads every seed as UTF-8 with full confidence", () => {
    for (const seed of seedNames()) expect(decoded(`seeds/${seed}`)).toMatchObject({ encoding: "utf-8", confidence: 1 });
  });

  it("scores real Chinese above its mis-decodings", () => {
    expect(readability(simplified)).toBeGreaterThan(0.9);
    expect(readability(traditional)).toBeGreaterThan(0.9);
  });
});
