// The DOC reader on LibreOffice's Word 97 files of the seed plans and on damaged ones: a damaged
// compound file is refused, never a crash or a hang.
import { describe, expect, it } from "vitest";
import { readDoc } from "../../src/read/doc.js";
import { readBytes } from "../helpers.js";

describe("DOC", () => {
  it("reads the body's paragraphs and a table's rows as TAB-separated cells", async () => {
    const r = await readDoc(readBytes("fixtures/formats/linan.doc"), "linan.doc");
    if (!r.ok) throw new Error(r.message);
    const lines = r.text.split("\n");
    expect(lines).toContain("一、现状与形势");
    expect(lines).toContain("序号\t类别\t指标名称\t2025年目标\t指标属性");
    expect(lines).toContain("2\t\t生产安全事故死亡人数*\t下降〔50%〕\t约束性");
    expect(r.info).toEqual({ tables: 1 });
  });
  it("refuses a truncated file, saying why", async () => {
    const r = await readDoc(readBytes("fixtures/formats/broken/damaged.doc"), "damaged.doc");
    expect(r).toMatchObject({ ok: false, format: "doc", message: expect.stringMatching(/^damaged.doc: a damaged Word document .*truncated/) });
  });
  it("refuses a file whose sector chains loop instead of looping with them", async () => {
    const bytes = Buffer.from(readBytes("fixtures/formats/linan.doc"));
    // the directory's first sector and the next one point at each other in the FAT
    // (512-byte sectors; the FAT's sectors are listed from 0x4c, 128 entries each)
    const entry = (id: number) => 512 * (bytes.readInt32LE(0x4c + 4 * Math.floor(id / 128)) + 1) + 4 * (id % 128);
    const dir = bytes.readInt32LE(0x30);
    bytes.writeInt32LE(dir + 1, entry(dir));
    bytes.writeInt32LE(dir, entry(dir + 1));
    const r = await readDoc(new Uint8Array(bytes), "loop.doc");
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^loop.doc: a damaged Word document .*loops/) });
  });
  it("refuses a password-protected Office document by name", async () => {
    const bytes = Buffer.concat([Buffer.from(readBytes("fixtures/formats/linan.doc")), Buffer.from("EncryptedPackage", "utf16le")]);
    const r = await readDoc(new Uint8Array(bytes), "secret.docx");
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/^secret.docx: an encrypted Office document/) });
  });
});
