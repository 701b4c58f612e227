import { describe, expect, it } from "vitest";
import { DEPTH_MESSAGE } from "@/lib/input-limits";
import { parseDatasetFile, parseDatasetFileSteps } from "./parse-dataset-file";
import { itemsToCsv, itemsToJsonl } from "./export-dataset";
import { MAX_ITEMS } from "./schemas";

describe("parseDatasetFile: CSV", () => {
  it("reads quoted commas, doubled quotes and line breaks inside a field (RFC 4180)", () => {
    const csv = 'input.ticket,input.customer,expected,tags\r\n"Printer, on fire","ACME ""big"" co",billing,urgent; hardware\r\n"Line one\nline two",Globex,"A, B",\n';
    expect(parseDatasetFile(csv, "csv")).toEqual({
      rows: [
        { input: { ticket: "Printer, on fire", customer: 'ACME "big" co' }, expected: "billing", tags: ["urgent", "hardware"] },
        { input: { ticket: "Line one\nline two", customer: "Globex" }, expected: "A, B", tags: [] },
      ],
      errors: [],
    });
  });

  it("numbers rows by record, the header being row 1, even after a multi-line field", () => {
    const csv = ['input.q,expected,tags', '"a\nb\nc",yes,', 'x,,', `y,ok,${Array.from({ length: 21 }, (_, i) => `t${i}`).join(";")}`, 'z,ok,one;two', 'w,too,many,cells', 'v,"never closed'].join("\n");
    const { rows, errors } = parseDatasetFile(csv, "csv");
    expect(rows.map((r) => r.input.q)).toEqual(["a\nb\nc", "z"]);
    expect(errors).toEqual([
      { row: 3, field: "expected", reason: "is required" },
      { row: 4, field: "tags", reason: "at most 20 tags" },
      { row: 6, field: "(row)", reason: "has 4 fields; the header has 3" },
      { row: 7, field: "(row)", reason: "a quoted field is never closed" },
    ]);
  });

  it("refuses a header with an unknown, duplicate or missing column, naming each", () => {
    expect(parseDatasetFile("input.q,answer,input.q\nx,y,z\n", "csv")).toEqual({
      rows: [],
      errors: [
        { row: 1, field: "answer", reason: "is not a known column: use expected, tags or input.<variable>" },
        { row: 1, field: "input.q", reason: "appears twice in the header" },
        { row: 1, field: "expected", reason: "the header has no expected column" },
      ],
    });
    expect(parseDatasetFile("", "csv").errors).toEqual([{ row: 1, field: "(header)", reason: "the file is empty" }]);
  });

  it("names bad variable names and over-long tags and answers", () => {
    const csv = `input.1bad,expected,tags\nx,${"a".repeat(20_001)},${"t".repeat(51)}\n`;
    expect(parseDatasetFile(csv, "csv").errors.map((e) => [e.row, e.field])).toEqual([[2, "input.1bad"], [2, "expected"], [2, "tags"]]);
  });
});

describe("parseDatasetFile: JSONL", () => {
  it("keeps typed inputs, skips blank lines and names the bad line and field", () => {
    const jsonl = [
      '{"input":{"ticket":"Printer","priority":2,"vip":true,"meta":{"a":1}},"expected":"hardware","tags":["p1"]}',
      "",
      '{"input":{"ticket":"x"},"expected":"ok"',
      '{"input":{"ticket":"x"}}',
      '{"input":{"ticket":"x"},"expected":"ok","answer":"?"}',
      "[1,2]",
      '{"input":"text","expected":"ok","tags":"a"}',
    ].join("\n");
    const { rows, errors } = parseDatasetFile(jsonl, "jsonl");
    expect(rows).toEqual([{ input: { ticket: "Printer", priority: 2, vip: true, meta: { a: 1 } }, expected: "hardware", tags: ["p1"] }]);
    expect(errors.map((e) => [e.row, e.field])).toEqual([[3, "(line)"], [4, "expected"], [5, "answer"], [6, "(line)"], [7, "input"], [7, "tags"]]);
    expect(errors[0]!.reason).toMatch(/^is not valid JSON/);
    expect(errors[1]!.reason).toBe("is required");
  });

  it("refuses an input value nested deeper than the JSON depth limit, naming it", () => {
    const deep = "[".repeat(20_000) + "]".repeat(20_000);
    const { rows, errors } = parseDatasetFile(`{"input":{"ticket":${deep}},"expected":"ok"}`, "jsonl");
    expect(rows).toEqual([]);
    expect(errors).toEqual([{ row: 1, field: "input.ticket", reason: DEPTH_MESSAGE }]);
  });

  it("stops at the item limit and refuses files over 5 MB", () => {
    const lines = Array.from({ length: MAX_ITEMS + 2 }, (_, i) => JSON.stringify({ expected: `a${i}` })).join("\n");
    const { rows, errors } = parseDatasetFile(lines, "jsonl");
    expect(rows).toHaveLength(MAX_ITEMS);
    expect(errors).toEqual([MAX_ITEMS + 1, MAX_ITEMS + 2].map((row) => ({ row, field: "(row)", reason: `a dataset holds at most ${MAX_ITEMS} items` })));
    expect(parseDatasetFile("x".repeat(5 * 1024 * 1024 + 1), "jsonl").errors).toEqual([{ row: 0, field: "(file)", reason: "the file is larger than 5 MB" }]);
  });

  it("reports progress in steps and ends with the same result", () => {
    const jsonl = Array.from({ length: 1000 }, (_, i) => JSON.stringify({ expected: `a${i}` })).join("\n");
    const steps = parseDatasetFileSteps(jsonl, "jsonl");
    const progress: number[] = [];
    let step = steps.next();
    while (!step.done) {
      progress.push(step.value);
      step = steps.next();
    }
    expect(progress.length).toBe(4);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(step.value).toEqual(parseDatasetFile(jsonl, "jsonl"));
  });
});

describe("export round trip", () => {
  const items = [
    { input: { ticket: "=HYPERLINK(\"http://evil\")", customer: "ACME, Inc." }, expected: "Line 1\nline \"2\"", tags: ["a", "b c"] },
    { input: { ticket: "@SUM(A1)" }, expected: "-42", tags: [] },
    { input: { ticket: " padded " }, expected: "+ok", tags: ["x"] },
  ];

  it("CSV: neutralises formulas, and parses back to the same items", () => {
    const csv = itemsToCsv(items);
    expect(csv.split("\r\n")[1]).toMatch(/^"'=HYPERLINK/);
    expect(csv).toContain("'@SUM(A1)");
    expect(parseDatasetFile(csv, "csv")).toEqual({ rows: items, errors: [] });
  });

  it("JSONL: parses back to the same items, types included", () => {
    const typed = [...items, { input: { n: 3, ok: false, obj: { k: [1] } }, expected: "typed", tags: [] }];
    expect(parseDatasetFile(itemsToJsonl(typed), "jsonl")).toEqual({ rows: typed, errors: [] });
  });
});
