// model.schema.ts (the JSON Schema documents are validated against) is checked against model.ts's
// types: a schema generated from the types (ts-json-schema-generator) must have the same shape —
// the same objects, property names, required properties, types, nullability and enumerations.
// Refinements the types cannot say (patterns, minimum lengths, integers) are the hand schema's own.
// A change to one without the other fails here.
import { createGenerator } from "ts-json-schema-generator";
import { describe, expect, it } from "vitest";
import { PLAN_DOCUMENT_SCHEMA } from "../src/model.schema.js";
import { repo } from "./helpers.js";

type Schema = { [k: string]: unknown };

/** A schema as a sorted list of the shapes it allows, refinements dropped and references resolved. */
function shapes(s: Schema, defs: Record<string, Schema>): string[] {
  if (typeof s.$ref === "string") return shapes(defs[s.$ref.replace("#/definitions/", "")]!, defs);
  const out = new Set<string>();
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) for (const a of alternatives) for (const x of shapes(a, defs)) out.add(x);
  else if ("const" in s) out.add(`const ${JSON.stringify(s.const)}`);
  else if (Array.isArray(s.enum)) for (const v of s.enum) out.add(v === null ? "null" : `const ${JSON.stringify(v)}`);
  else
    for (const type of [s.type].flat()) {
      if (type === "object") {
        const props = (s.properties ?? {}) as Record<string, Schema>;
        const required = new Set((s.required ?? []) as string[]);
        const fields = Object.keys(props)
          .sort()
          .map((k) => `${k}${required.has(k) ? "" : "?"}: ${shapes(props[k]!, defs).join(" | ")}`);
        const rest = s.additionalProperties && typeof s.additionalProperties === "object" ? `[key]: ${shapes(s.additionalProperties as Schema, defs).join(" | ")}` : "";
        out.add(`{ ${[...fields, rest].filter(Boolean).join("; ")} }`);
      } else if (type === "array") out.add(`Array<${shapes(s.items as Schema, defs).join(" | ")}>`);
      else if (type === "integer") out.add("number");
      else if (typeof type === "string") out.add(type);
    }
  return [...out].sort();
}

describe("model.schema.ts and model.ts", () => {
  const generated = createGenerator({ path: `${repo}/src/model.ts`, tsconfig: `${repo}/tsconfig.json`, type: "PlanDocument", skipTypeCheck: true }).createSchema("PlanDocument");
  const defs = generated.definitions as Record<string, Schema>;

  it("describe the same document", () => {
    const fromTypes = shapes({ $ref: "#/definitions/PlanDocument" }, defs);
    expect(shapes(PLAN_DOCUMENT_SCHEMA as Schema, {})).toEqual(fromTypes);
    expect(fromTypes.join("")).toMatch(/notes: Array<\{ kind: const "alternate" \| [^;]*; line: null \| number; message: string; severity: const "info" \| const "loss" \| const "warning"; source: string; stage: const "clean" \| [^;]*; step: string \}>/);
  });
  it("a difference shows (the comparison can fail)", () => {
    const note = { ...(defs.Note as Schema), properties: { ...((defs.Note as Schema).properties as object), weight: { type: "number" } } };
    expect(shapes(note, defs)).not.toEqual(shapes(defs.Note as Schema, defs));
    expect(shapes({ type: ["string", "null"] }, {})).toEqual(shapes({ anyOf: [{ type: "string" }, { type: "null" }] }, {}));
  });
});
