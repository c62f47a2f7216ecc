// Values as printed in plan tables → the design's Value, and back.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Value } from "../../src/model.js";
import { formatValue, parseValue } from "../../src/segment/values.js";

const PAREN_AVERAGE = { averageBrackets: ["（）", "()"] };

describe("parseValue", () => {
  it.each<[string, Partial<Value>, object?]>([
    ["下降35%", { op: null, value: 35, unit: "%", change: "decrease", fiveYearAverage: false }],
    ["下降 35%", { raw: "下降35%", value: 35, change: "decrease" }],
    ["下降〔50%〕", { value: 50, unit: "%", change: "decrease", fiveYearAverage: true }],
    ["≤(1%)", { op: "<=", value: 1, unit: "%", fiveYearAverage: true }, PAREN_AVERAGE],
    ["≤(1%)", { op: "<=", value: 1, unit: "%", fiveYearAverage: false }],
    ["＜0.01", { raw: "＜0.01", op: "<", value: 0.01, unit: null }],
    [">0.5‰", { op: ">", value: 0.5, unit: "‰" }],
    ["<12小时", { op: "<", value: 12, unit: "小时" }],
    ["<〔0.2〕", { op: "<", value: 0.2, fiveYearAverage: true }],
    ["不发生", { op: "=", value: 0 }],
    ["年亡人数不超过5人", { op: "<=", value: 5, unit: "人" }],
    ["100%", { op: null, value: 100, unit: "%", change: null }],
    ["95%以上", { op: ">=", value: 95, unit: "%" }],
    ["增长20%", { change: "increase", value: 20 }],
    ["—", { op: null, value: null, unit: null }],
    ["", { value: null }],
    ["0.010", { value: 0.01, raw: "0.010" }],
  ])("%s", (raw, expected, options) => {
    const v = parseValue(raw, options);
    expect(v).toMatchObject(expected);
    if (expected.raw === undefined) expect(v.raw).toBe(raw);
  });
});

describe("formatValue", () => {
  it("renders the same figure the same way whoever printed it", () => {
    expect(formatValue(parseValue("＜0.01"))).toBe(formatValue(parseValue("小于0.01")));
    expect(formatValue(parseValue("≤5人"))).toBe(formatValue(parseValue("不超过5人")));
  });

  it("gives back op, value, unit, change and average when parsed again (property)", () => {
    const ops = fc.constantFrom<Value["op"]>(null, "<", "<=", ">", ">=");
    const units = fc.constantFrom<string | null>(null, "%", "‰", "小时", "人", "万元");
    const numbers = fc.oneof(fc.integer({ min: 0, max: 100000 }), fc.double({ min: 0.001, max: 1000, noNaN: true }).map((n) => Number(n.toFixed(3))));
    fc.assert(
      fc.property(ops, numbers, units, fc.constantFrom<Value["change"]>(null, "decrease", "increase"), fc.boolean(), (op, value, unit, change, avg) => {
        const v: Value = { raw: "", op, value, unit, change, fiveYearAverage: avg };
        const back = parseValue(formatValue(v));
        expect({ ...back, raw: "" }).toEqual(v);
      }),
    );
  });
});
