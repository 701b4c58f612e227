import { describe, expect, it } from "vitest";
import { parseRunFile, parseRunFileSteps, RUN_FILE_EXAMPLE } from "./parse-run-file";
import { DEPTH_MESSAGE } from "@/lib/input-limits";
import { MAX_RUN_ITEMS, MAX_UPLOAD_BYTES } from "./schemas";

describe("parseRunFile", () => {
  it("reads the example shown on the upload page", () => {
    const result = parseRunFile(RUN_FILE_EXAMPLE);
    expect(result.errors).toEqual([]);
    expect(result.metrics).toEqual([
      { name: "accuracy", value: 0.91 },
      { name: "guardrail_intervention_rate", value: 0.02 },
      { name: "latency_p95_ms", value: 2100 },
    ]);
    expect(result.items).toHaveLength(2);
    expect(result.items[1]).toEqual({ itemIndex: 1, input: { ticket: "Card declined" }, output: "hardware", expected: "billing", scores: { exact_match: 0 }, passed: false });
  });

  it("names every bad line with its number, field and reason; blank lines count but are skipped", () => {
    const text = [
      '{"metrics": {"accuracy": 0.9, "Bad Name": 1, "latency": "fast"}}',
      "",
      "not json",
      "[1, 2]",
      '{"input": {}, "output": 42, "passed": "yes", "extra": 1}',
      '{"itemIndex": -1, "input": "x", "output": "ok", "scores": {"f1": "high"}}',
      '{"itemIndex": 5, "input": {}, "output": "ok"}',
      '{"metrics": {"accuracy": 1}}',
      '{"input": {"a": 1}, "output": "fine"}',
    ].join("\r\n");
    const result = parseRunFile(text, 3);
    expect(result.errors).toEqual([
      { line: 1, field: "metrics.Bad Name", reason: expect.stringContaining("is not a valid metric name") },
      { line: 1, field: "metrics.latency", reason: "must be a finite number" },
      { line: 3, field: "(line)", reason: "is not valid JSON" },
      { line: 4, field: "(line)", reason: "must be a JSON object" },
      { line: 5, field: "output", reason: "must be text" },
      { line: 5, field: "passed", reason: "must be true or false" },
      { line: 5, field: "extra", reason: expect.stringContaining("is not a known field") },
      { line: 6, field: "itemIndex", reason: "must be 0 or more" },
      { line: 6, field: "input", reason: "must be an object of the item's input variables" },
      { line: 6, field: "scores.f1", reason: "must be a finite number" },
      { line: 7, field: "itemIndex", reason: "must be less than 3, the number of items in the dataset version" },
      { line: 8, field: "metrics", reason: "appears twice: the file has one metrics line" },
    ].map((e) => expect.objectContaining(e)));
    expect(result.items).toEqual([{ input: { a: 1 }, output: "fine" }]);
  });

  it("requires a metrics line, and refuses duplicate metric names and extra keys on it", () => {
    expect(parseRunFile('{"input": {}, "output": "x"}').errors).toEqual([{ line: 0, field: "metrics", reason: expect.stringContaining("no metrics line") }]);
    expect(parseRunFile('{"metrics": [1]}').errors).toEqual([{ line: 1, field: "metrics", reason: expect.stringContaining("must be an object") }]);
    expect(parseRunFile('{"metrics": {}}').errors).toEqual([{ line: 1, field: "metrics", reason: "must have at least one metric" }]);
    expect(parseRunFile('{"metrics": {"a": 1}, "candidate": "x"}').errors).toEqual([{ line: 1, field: "candidate", reason: "is not allowed on the metrics line" }]);
  });

  it("refuses text PostgreSQL cannot store", () => {
    expect(parseRunFile('{"metrics": {"a": 1}}\n{"input": {"t": ["ok", "\\u0000"]}, "output": ""}').errors).toEqual([{ line: 2, field: "input.t.1", reason: "must not contain the NUL character (\\u0000)" }]);
  });

  it("refuses an input value nested deeper than the JSON depth limit, naming it", () => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    expect(parseRunFile(`{"metrics": {"a": 1}}\n{"input": {"t": ${deep}}, "output": ""}`).errors).toEqual([{ line: 2, field: "input.t", reason: DEPTH_MESSAGE }]);
  });

  it("stops at the item limit and at the size limit", () => {
    const items = Array.from({ length: MAX_RUN_ITEMS + 1 }, () => '{"input":{},"output":""}');
    const result = parseRunFile(['{"metrics": {"a": 1}}', ...items].join("\n"));
    expect(result.items).toHaveLength(MAX_RUN_ITEMS);
    expect(result.errors).toEqual([{ line: MAX_RUN_ITEMS + 2, field: "(line)", reason: `a run holds at most ${MAX_RUN_ITEMS} items` }]);
    expect(parseRunFile("x".repeat(MAX_UPLOAD_BYTES + 1)).errors).toEqual([{ line: 0, field: "(file)", reason: "the file is larger than 5 MB" }]);
  });

  it("reports progress between steps, ending at 1", () => {
    const text = ['{"metrics": {"a": 1}}', ...Array.from({ length: 1000 }, () => '{"input":{},"output":""}')].join("\n");
    const steps = parseRunFileSteps(text);
    const fractions: number[] = [];
    for (let s = steps.next(); !s.done; s = steps.next()) fractions.push(s.value);
    expect(fractions.length).toBe(4);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.every((f) => f > 0 && f <= 1)).toBe(true);
  });
});
