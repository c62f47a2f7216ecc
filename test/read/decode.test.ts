import { describe, expect, it } from "vitest";
import { decode, readability } from "../../src/read/decode/index.js";
import { read } from "../../src/read/index.js";
import { readBytes, readText, seedNames } from "../helpers.js";

const simplified = readText("fixtures/encodings/excerpt.txt");
const traditional = readText("fixtures/encodings/excerpt-traditional.txt");

function decoded(rel: string) {
  const r = decode(readBytes(rel), rel);
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
}

describe("decode (the text and HTML readers' decoding)", () => {
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

  it("reads every seed as UTF-8 with full confidence", () => {
    for (const seed of seedNames()) expect(decoded(`seeds/${seed}`)).toMatchObject({ encoding: "utf-8", confidence: 1 });
  });

  it("scores real Chinese above its mis-decodings", () => {
    expect(readability(simplified)).toBeGreaterThan(0.9);
    expect(readability(traditional)).toBeGreaterThan(0.9);
  });
});

describe("read", () => {
  const readFile = (rel: string) => read(readBytes(rel), rel.split("/").pop()!);

  it.each([
    ["not-text.png", "png", /PNG/],
    ["random.bin", "binary", /binary/],
  ])("refuses %s, naming the file and what it looks like", async (file, kind, what) => {
    const r = await readFile(`fixtures/encodings/${file}`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.message).toMatch(new RegExp(`^${file.replace(".", "\\.")}: not a text file`));
    expect(r.message).toMatch(what);
  });

  it.each([
    ["not-text.pdf", "pdf", /a damaged or truncated PDF/],
    ["not-text.docx", "docx", /a damaged Word document/],
  ])("gives %s, a document format cut short, to its reader, which says it is damaged", async (file, format, why) => {
    expect(await readFile(`fixtures/encodings/${file}`)).toMatchObject({ ok: false, format, message: expect.stringMatching(new RegExp(`^${file.replace(".", "\\.")}: `)) });
    expect(await readFile(`fixtures/encodings/${file}`)).toMatchObject({ message: expect.stringMatching(why) });
  });

  it("tells an old Office file by its compound-file signature, whatever its name", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(await read(ole, "plan.txt")).toMatchObject({ ok: false, format: "doc", message: expect.stringMatching(/^plan\.txt: a damaged Word document/) });
  });

  it("tells a ZIP that is no Word document from a .docx", async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("xl/workbook.xml")]);
    expect(await read(zip, "a.docx")).toMatchObject({ ok: false, kind: "zip" });
  });

  it("refuses an empty file", async () => {
    expect(await read(new Uint8Array(), "empty.txt")).toMatchObject({ ok: false, kind: "empty", message: "empty.txt: the file is empty" });
  });

  it("reads a saved web page as HTML, by its content, in any encoding", async () => {
    for (const f of ["fixtures/encodings/gb18030-page.html", "fixtures/html/page.html", "fixtures/variants/linan-page.html"]) {
      expect(await readFile(f)).toMatchObject({ ok: true, format: "html" });
    }
    const utf16 = new Uint8Array(Buffer.from("\ufeff<!DOCTYPE html><html><body><p>应急管理</p></body></html>", "utf16le"));
    expect(await read(utf16, "page.txt")).toMatchObject({ ok: true, format: "html", encoding: "utf-16le", text: expect.stringContaining("<p>应急管理</p>") });
  });

  it("reads text with stray tags, and every seed, as text, with what decode gives", async () => {
    expect(await readFile("fixtures/html/stray-tags.txt")).toMatchObject({ ok: true, format: "text" });
    for (const seed of seedNames()) {
      const r = await readFile(`seeds/${seed}`);
      const d = decode(readBytes(`seeds/${seed}`), seed);
      expect(r).toEqual({ ...d, format: "text", info: {} });
    }
  });

  it("gives the text reader's notes with the read stage's name", async () => {
    const r = await readFile("fixtures/encodings/mixed-gbk-in-utf8.txt");
    expect(r.ok && r.notes.map((n) => [n.stage, n.kind])).toEqual([["read", "mixed-encoding"]]);
  });
});
