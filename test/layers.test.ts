// The house's layers point down: commands → compare → dataset → segment → pipeline → clean → read →
// text/model/catalog. A module may import its own layer or a lower one, never a higher one, and no
// imports go round in a circle. Read from the sources with TypeScript's own import scanner (static
// and dynamic imports, type-only ones too).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repo } from "./helpers.js";

/** Highest first. */
const LAYERS: Array<[string, RegExp]> = [
  ["commands", /^src\/(cli\.ts|commands\/)/],
  ["compare", /^src\/compare\//],
  ["dataset", /^src\/dataset\//],
  ["segment", /^src\/segment\//],
  ["pipeline", /^src\/pipeline\.ts$/],
  ["clean", /^src\/clean\//],
  ["read", /^src\/read\//],
  ["base", /^src\/(text\/|catalog\/|model\.ts$|model\.schema\.ts$|notes\.ts$|term\.ts$|csv\.ts$|version\.ts$)/],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [p] : [];
  });
}

const files = sources(join(repo, "src")).map((p) => relative(repo, p).split("\\").join("/"));
const layerOf = (file: string) => LAYERS.findIndex(([, re]) => re.test(file));

/** file → the project files it imports */
const graph = new Map(
  files.map((file) => {
    const info = ts.preProcessFile(readFileSync(join(repo, file), "utf8"), true, true);
    const targets = info.importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => relative(repo, resolve(repo, dirname(file), name)).split("\\").join("/").replace(/\.js$/, ".ts"));
    return [file, targets] as const;
  }),
);

describe("the import graph of src/", () => {
  it("puts every module in a layer", () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });
  it("imports only existing modules (the scan reads them all)", () => {
    const known = new Set(files);
    expect([...graph].flatMap(([f, ts]) => ts.filter((t) => !known.has(t)).map((t) => `${f} → ${t}`))).toEqual([]);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });
  it("has no import from a lower layer to a higher one", () => {
    const upward = [...graph].flatMap(([from, targets]) =>
      targets.filter((to) => layerOf(to) < layerOf(from)).map((to) => `${from} (${LAYERS[layerOf(from)]![0]}) → ${to} (${LAYERS[layerOf(to)]![0]})`),
    );
    expect(upward).toEqual([]);
  });
  it("has no circle", () => {
    const circles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const path: string[] = [];
    const visit = (f: string) => {
      if (state.get(f) === "done") return;
      if (state.get(f) === "open") {
        circles.push([...path.slice(path.indexOf(f)), f].join(" → "));
        return;
      }
      state.set(f, "open");
      path.push(f);
      for (const t of graph.get(f) ?? []) visit(t);
      path.pop();
      state.set(f, "done");
    };
    for (const f of files) visit(f);
    expect(circles).toEqual([]);
  });
  it("would see an upward import (the check can fail)", () => {
    expect(layerOf("src/segment/x.ts")).toBeGreaterThan(layerOf("src/dataset/x.ts"));
    expect(layerOf("src/term.ts")).toBeGreaterThan(layerOf("src/commands/ui.ts"));
  });
});
