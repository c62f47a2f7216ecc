// reconcile: one plan from several copies; a field the primary lacks is taken from an alternate, and
// says so in where it was read.
import { describe, expect, it } from "vitest";
import { parseSource } from "../../src/dataset/parse.js";
import { reconcile, type SourceResult } from "../../src/dataset/reconcile.js";
import { readBytes } from "../helpers.js";
import { cleanTextAt, prepared, prints } from "../provenance.js";

const parsed = async (path: string): Promise<SourceResult> => (await parseSource({ path, bytes: readBytes(`seeds/${path}`) })).result!;

describe("reconcile", () => {
  it("a field taken from an alternate is where the alternate prints it; the outline is the primary's", async () => {
    const primary = await parsed("003_cf0accc487ded217.txt");
    const alternate = await parsed("000_5f02f4d983df7aea.txt");
    // the primary as if its copy had lost the signature: the issuer and the date come from the web copy
    primary.segmented.meta = { ...primary.segmented.meta, issuer: null, issuedDate: null, at: { ...primary.segmented.meta.at, issuer: null, issuedDate: null } };
    const d = reconcile([primary, alternate], "yongjia");
    expect([d.issuer, d.issuedDate]).toEqual(["永嘉县人民政府", "2021-12-28"]);
    expect(d.metaAt.issuer!.source).toBe("000_5f02f4d983df7aea.txt");
    expect(d.metaAt.issuedDate!.source).toBe("000_5f02f4d983df7aea.txt");
    expect(d.metaAt.docNumber!.source).toBe("003_cf0accc487ded217.txt");
    const cleaned = (await prepared(readBytes("seeds/000_5f02f4d983df7aea.txt"), "000")).cleaned;
    expect(prints(cleanTextAt(cleaned, d.metaAt.issuer!), "meta issuer", d.issuer!)).toBe(true);
    expect(prints(cleanTextAt(cleaned, d.metaAt.issuedDate!), "meta issuedDate", d.issuedDate!)).toBe(true);
    expect(new Set(d.chapters.map((c) => c.at.source))).toEqual(new Set(["003_cf0accc487ded217.txt"]));
  });
});
