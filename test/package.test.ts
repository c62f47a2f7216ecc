// package.json tells the truth: a LICENSE for the license it declares, and `files` lists only what exists.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repo } from "./helpers.js";

const pkg = JSON.parse(readFileSync(join(repo, "package.json"), "utf8")) as { license: string; files: string[]; bin: Record<string, string> };

describe("package.json", () => {
  it("declares a license whose text is in LICENSE", () => {
    expect(pkg.license).toBe("MIT");
    expect(readFileSync(join(repo, "LICENSE"), "utf8")).toMatch(/^MIT License\n/);
  });
  it("lists in `files` only what exists (dist/ once built), and its bin", () => {
    for (const f of pkg.files) expect(existsSync(join(repo, f)), f).toBe(true);
    for (const b of Object.values(pkg.bin)) expect(existsSync(join(repo, b)), b).toBe(true);
  });
});
