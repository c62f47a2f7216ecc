// The note kinds: the README's reference lists exactly the table of src/notes.ts, and the notes the
// pipeline writes on the seeds carry their kind's stage, step and severity.
import { describe, expect, it } from "vitest";
import { clean } from "../src/clean/index.js";
import { NOTE_KINDS, note } from "../src/notes.js";
import { decode } from "../src/read/decode/index.js";
import { segment } from "../src/segment/index.js";
import { readBytes, readText, seedNames } from "./helpers.js";

describe("note kinds", () => {
  it("are documented in the README's reference, row for row", () => {
    const readme = readText("README.md");
    const section = readme.slice(readme.indexOf("## Note kinds"));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| (\w+) \/ ([\w-]+) \| (\w+) \| (.+) \|$/gmu)].map((m) => [m[1], m[2], m[3], m[4], m[5]]);
    expect(rows).toEqual(Object.entries(NOTE_KINDS).map(([kind, k]) => [kind, k.stage, k.step, k.severity, k.meaning]));
  });

  it("give every note its stage, step and severity from the table", () => {
    expect(note("toc-dropped", "a.txt", 3, "m")).toEqual({ stage: "clean", step: "boilerplate", kind: "toc-dropped", severity: "loss", source: "a.txt", line: 3, message: "m" });
    const seen = new Set<string>();
    for (const name of seedNames()) {
      const d = decode(readBytes(`seeds/${name}`), name);
      if (!d.ok) throw new Error(d.message);
      const c = clean(d.text, name);
      for (const n of [...d.notes, ...c.notes, ...segment(c.lines, c.meta, name).notes]) {
        const k = NOTE_KINDS[n.kind];
        expect(k, n.kind).toBeDefined();
        expect([n.stage, n.step, n.severity]).toEqual([k.stage, k.step, k.severity]);
        seen.add(n.kind);
      }
    }
    // the seeds exercise the stages' notes, not one kind only
    expect(seen.size).toBeGreaterThan(10);
  });
});
