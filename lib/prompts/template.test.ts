import { describe, expect, it } from "vitest";
import { fieldErrors } from "@/lib/errors";
import { analyzeTemplate, renderTemplate, resolveVariables, tokenize, type TemplateContent } from "./template";
import { promptContentSchema } from "./schemas";
import { diffPrompts, diffText } from "./diff";

const text = (template: string, variables: TemplateContent["variables"] = []): TemplateContent => ({ type: "TEXT", template, variables });

describe("template parsing", () => {
  it("finds variables in order of first use, with or without inner spaces", () => {
    expect(analyzeTemplate({ type: "TEXT", template: "Hi {{name}}, {{ ticket_id }} and {{name}} again {{x-1}}" }).used).toEqual(["name", "ticket_id", "x-1"]);
  });

  it("leaves JSON braces alone: a lone }} or a single { is text", () => {
    const r = tokenize('Answer as {"a": {"b": 1}} for {{question}}');
    expect(r.errors).toEqual([]);
    expect(r.tokens.filter((t) => t.kind === "var")).toEqual([{ kind: "var", name: "question" }]);
  });

  it("reports an unclosed {{ with its line and column", () => {
    const r = tokenize("line one\nHello {{name and more\nnext {{ok}}");
    expect(r.errors).toEqual([{ index: 15, line: 2, column: 7, message: "unclosed {{ at line 2, column 7: close it with }}" }]);
    // The rest of the template still parses.
    expect(r.tokens.filter((t) => t.kind === "var")).toEqual([{ kind: "var", name: "ok" }]);
  });

  it("reports empty and malformed names", () => {
    expect(tokenize("{{}}").errors[0]!.message).toMatch(/^malformed variable \{\{\}\} at line 1, column 1/);
    expect(tokenize("a {{first name}}").errors[0]!.message).toMatch(/malformed variable \{\{first name\}\} at line 1, column 3/);
    expect(tokenize("{{{x}}}").errors).toHaveLength(1);
    expect(tokenize("{{1abc}}").errors).toHaveLength(1);
  });

  it("names the field of each error in a chat prompt", () => {
    const { errors } = analyzeTemplate({ type: "CHAT", system: "You are {{role", messages: [{ role: "user", text: "ok {{q}}" }, { role: "assistant", text: "{{ }}" }] });
    expect(errors.map((e) => e.field)).toEqual(["system", "messages.1.text"]);
  });

  it("rejects malformed templates and out-of-range parameters in the schema, naming each field", () => {
    const r = promptContentSchema.safeParse({
      type: "TEXT",
      template: "Summarise {{ticket",
      modelId: "not a model!",
      inference: { temperature: 1.5, topP: -0.1, maxTokens: 0, stopSequences: ["a", "b", "c", "d", "e"] },
      variables: [{ name: "n", type: "number", default: "many" }, { name: "n" }],
    });
    expect(r.success).toBe(false);
    expect(fieldErrors(r.error!).map((f) => f.field).sort()).toEqual([
      "inference.maxTokens", "inference.stopSequences", "inference.temperature", "inference.topP", "modelId", "template", "variables.0.default", "variables.1.name",
    ]);
    expect(promptContentSchema.safeParse({ type: "SPEECH", template: "x", modelId: "amazon.nova-lite-v1:0" }).error?.issues[0]).toMatchObject({ path: ["type"], message: "must be TEXT or CHAT" });
    expect(promptContentSchema.safeParse({ type: "CHAT", messages: [], modelId: "amazon.nova-lite-v1:0" }).error?.issues[0]).toMatchObject({ path: ["messages"] });
  });

  it("accepts Bedrock model ids and ARNs", () => {
    for (const modelId of ["amazon.nova-lite-v1:0", "us.anthropic.claude-3-5-sonnet-20241022-v2:0", "arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-pro-v1:0"]) {
      expect(promptContentSchema.safeParse({ type: "TEXT", template: "x", modelId }).success, modelId).toBe(true);
    }
  });
});

describe("variables and rendering", () => {
  it("auto-describes used variables as required strings and warns about unused ones", () => {
    const r = resolveVariables(text("{{a}} {{b}}", [{ name: "b", type: "number", required: false, description: "count" }, { name: "old", type: "string", required: true, description: "" }]));
    expect(r.variables.map((v) => [v.name, v.type, v.required])).toEqual([["b", "number", false], ["old", "string", true], ["a", "string", true]]);
    expect(r.warnings).toEqual(['Variable "old" is described but not used in the template']);
  });

  it("renders text, applying defaults and leaving optional gaps empty", () => {
    const content = text("Dear {{name}}, you have {{count}} tickets{{suffix}}. Data: {{data}}", [
      { name: "count", type: "number", required: true, default: "0", description: "" },
      { name: "suffix", type: "string", required: false, description: "" },
      { name: "data", type: "json", required: true, description: "" },
    ]);
    expect(renderTemplate(content, { name: "Ana", data: { a: [1] } })).toEqual({ ok: true, output: { type: "TEXT", text: 'Dear Ana, you have 0 tickets. Data: {"a":[1]}' } });
    expect(renderTemplate(content, { name: "Ana", count: " 12 ", data: "[1, 2]" })).toMatchObject({ ok: true, output: { text: "Dear Ana, you have 12 tickets. Data: [1, 2]" } });
  });

  it("names every missing, mistyped and unknown variable at once", () => {
    const content = text("{{name}} {{count}} {{data}}", [
      { name: "count", type: "number", required: true, description: "" },
      { name: "data", type: "json", required: true, description: "" },
    ]);
    const r = renderTemplate(content, { count: "twelve", data: "{not json", nmae: "typo" });
    expect(r).toEqual({
      ok: false,
      errors: [
        { field: "variables.count", message: "must be a number" },
        { field: "variables.data", message: "must be valid JSON" },
        { field: "variables.name", message: "is required" },
        { field: "variables.nmae", message: "is not a variable of this prompt" },
      ],
    });
    expect(renderTemplate(text("{{a}}"), { a: { nested: true } })).toEqual({ ok: false, errors: [{ field: "variables.a", message: "must be a string" }] });
  });

  it("renders a chat prompt message by message and does not re-expand inserted values", () => {
    const r = renderTemplate({ type: "CHAT", system: "You help {{team}}.", messages: [{ role: "user", text: "{{q}}" }, { role: "assistant", text: "Noted." }], variables: [] }, { team: "Support", q: "What is {{team}}?" });
    expect(r).toEqual({ ok: true, output: { type: "CHAT", system: "You help Support.", messages: [{ role: "user", text: "What is {{team}}?" }, { role: "assistant", text: "Noted." }] } });
  });
});

describe("diff", () => {
  const base = { variables: [], modelId: "amazon.nova-lite-v1:0", inference: { stopSequences: [] } };
  it("diffs text line by line", () => {
    expect(diffText("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("puts variables and parameters side by side and flags what changed", () => {
    const left = { ...base, type: "TEXT" as const, template: "Hello {{name}}", variables: [{ name: "name", type: "string" as const, required: true, description: "" }] };
    const right = { ...base, type: "TEXT" as const, template: "Hello {{name}}\nBye", modelId: "amazon.nova-pro-v1:0", inference: { temperature: 0.2, stopSequences: ["END"] }, variables: [{ name: "name", type: "string" as const, required: false, description: "Who" }] };
    const d = diffPrompts(left, right);
    expect(d.changed).toBe(true);
    expect(d.sections).toEqual([{ label: "Template", changed: true, lines: [{ kind: "same", text: "Hello {{name}}" }, { kind: "added", text: "Bye" }] }]);
    expect(d.variables).toEqual([{ name: "name", left: left.variables[0], right: right.variables[0], changed: true }]);
    expect(d.parameters.filter((p) => p.changed).map((p) => [p.name, p.left, p.right])).toEqual([
      ["Model id", "amazon.nova-lite-v1:0", "amazon.nova-pro-v1:0"],
      ["Temperature", undefined, "0.2"],
      ["Stop sequences", "none", '"END"'],
    ]);
    expect(diffPrompts(left, left).changed).toBe(false);
  });

  it("compares a text prompt with a chat prompt part by part", () => {
    const d = diffPrompts({ ...base, type: "TEXT", template: "x" }, { ...base, type: "CHAT", system: "s", messages: [{ role: "user", text: "x" }] });
    expect(d.sections.map((s) => [s.label, s.lines.map((l) => l.kind)])).toEqual([["Template", ["removed"]], ["System", ["added"]], ["Message 1 (user)", ["added"]]]);
    expect(d.parameters.find((p) => p.name === "Type")).toMatchObject({ left: "TEXT", right: "CHAT", changed: true });
  });
});
