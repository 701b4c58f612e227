import { describe, expect, it } from "vitest";
import { nulPath } from "@/lib/errors";
import { DEPTH_MESSAGE, jsonDepth, jsonObjectSchema, MAX_JSON_DEPTH } from "./input-limits";

const nested = (levels: number): unknown => JSON.parse("[".repeat(levels) + "]".repeat(levels));

describe("input limits", () => {
  it("counts nesting without recursion, however deep", () => {
    expect([jsonDepth("x"), jsonDepth([]), jsonDepth({ a: [1, { b: {} }] })]).toEqual([0, 1, 4]);
    expect(jsonDepth(nested(200_000))).toBe(MAX_JSON_DEPTH + 1);
    expect(jsonDepth(nested(200_000), Infinity)).toBe(200_000);
  });

  it("refuses a free-form value nested past the limit, naming it, and keeps one at the limit", () => {
    const schema = jsonObjectSchema("must be an object");
    expect(schema.safeParse({ ok: nested(MAX_JSON_DEPTH) }).success).toBe(true);
    expect(schema.safeParse({ ok: 1, deep: nested(MAX_JSON_DEPTH + 1) }).error?.issues).toEqual([expect.objectContaining({ path: ["deep"], message: DEPTH_MESSAGE })]);
  });

  it("finds the first NUL in document order, keys included, at any depth", () => {
    expect(nulPath({ a: ["ok", "x\u0000"], b: "\u0000" })).toEqual(["a", 1]);
    expect(nulPath({ a: "ok", "b\u0000": 1, c: "\u0000" })).toEqual(["b\u0000"]);
    expect(nulPath(["\u0000"])).toEqual([0]);
    expect(nulPath("\u0000")).toEqual([]);
    expect(nulPath({ a: [1, { b: null }] })).toBeNull();
    const deep = nested(200_000) as unknown[][];
    let inner = deep;
    for (let i = 0; i < 199_999; i++) inner = inner[0] as unknown[][];
    (inner as unknown[]).push("\u0000");
    expect(nulPath(deep)).toHaveLength(200_000);
  });
});
