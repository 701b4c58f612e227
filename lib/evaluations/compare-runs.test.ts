import { describe, expect, it } from "vitest";
import { canonicalJson, compareItems, compareMetrics, type CompareItem } from "./compare-runs";

const item = (over: Partial<CompareItem>): CompareItem => ({ itemIndex: null, input: {}, output: "", expected: null, scores: {}, passed: null, ...over });

describe("compareMetrics", () => {
  it("lists every metric of either run with b − a", () => {
    expect(compareMetrics([{ name: "accuracy", value: 0.8 }, { name: "cost", value: 1 }], [{ name: "accuracy", value: 0.9 }, { name: "latency", value: 3 }])).toEqual([
      { name: "accuracy", a: 0.8, b: 0.9, delta: expect.closeTo(0.1) },
      { name: "cost", a: 1, b: null, delta: null },
      { name: "latency", a: null, b: 3, delta: null },
    ]);
  });
});

describe("canonicalJson", () => {
  it("ignores key order at every level", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [1, { x: 1, y: 2 }] }, b: 1 }));
    expect(canonicalJson({ a: 1 })).not.toBe(canonicalJson({ a: "1" }));
  });
});

describe("compareItems", () => {
  it("matches by itemIndex, then by input, and sorts regressions, fixes, unchanged and leftovers", () => {
    const a = [
      item({ itemIndex: 0, input: { t: "zero" }, passed: true, scores: { f1: 0.9 } }),
      item({ itemIndex: 1, input: { t: "one" }, passed: false }),
      item({ input: { t: "two", lang: "en" }, passed: true }),
      item({ itemIndex: 3, input: { t: "three" }, passed: true }),
      item({ input: { t: "gone" }, passed: true }),
    ];
    const b = [
      item({ itemIndex: 1, input: { t: "one changed" }, passed: true }),
      item({ itemIndex: 0, input: { t: "zero" }, passed: false, scores: { f1: 0.4, bleu: 0.2 } }),
      item({ input: { lang: "en", t: "two" }, passed: true }),
      item({ input: { t: "three" }, passed: null }),
      item({ input: { t: "new" }, passed: false }),
    ];
    const result = compareItems(a, b);
    expect(result.regressions.map((p) => [p.key, p.matchedBy])).toEqual([["#0", "itemIndex"]]);
    expect(result.regressions[0]!.scores).toEqual([
      { name: "f1", a: 0.9, b: 0.4, delta: expect.closeTo(-0.5) },
      { name: "bleu", a: null, b: 0.2, delta: null },
    ]);
    expect(result.fixes.map((p) => p.key)).toEqual(["#1"]);
    // Item 3 has no index in b: it is matched by its input; passed → unknown is not a regression.
    expect(result.unchanged.map((p) => p.matchedBy)).toEqual(["input", "input"]);
    expect(result.onlyA.map((i) => i.input)).toEqual([{ t: "gone" }]);
    expect(result.onlyB.map((i) => i.input)).toEqual([{ t: "new" }]);
  });

  it("pairs duplicate inputs in order instead of reusing one", () => {
    const a = [item({ input: { t: "x" }, passed: true }), item({ input: { t: "x" }, passed: true })];
    const b = [item({ input: { t: "x" }, passed: false })];
    const result = compareItems(a, b);
    expect(result.regressions).toHaveLength(1);
    expect(result.onlyA).toHaveLength(1);
    expect(result.onlyB).toHaveLength(0);
  });
});
