import { describe, expect, it } from "vitest";
import { compileGuardrail, evaluateLocally } from "./evaluate-locally";
import { evaluateWithBudget } from "./evaluate-with-budget";
import { luhnValid } from "./pii-detectors";
import { guardrailConfigSchema, type GuardrailConfigInput } from "./schemas";

const MESSAGES = { blockedInputMessaging: "Input blocked.", blockedOutputsMessaging: "Output blocked." };
const guardrail = (config: Partial<GuardrailConfigInput>) => compileGuardrail(guardrailConfigSchema.parse({ ...MESSAGES, ...config }));
const pii = (type: string, action = "ANONYMIZE") => guardrail({ sensitiveInformationPolicy: { piiEntities: [{ type, action }] } as never });
const found = (g: ReturnType<typeof guardrail>, text: string) =>
  evaluateLocally(g, "INPUT", text).assessments[0].sensitiveInformationPolicy?.piiEntities.map((p) => p.match) ?? [];

describe("PII detectors", () => {
  it.each([
    ["EMAIL", "Write to jane.doe+work@example.co.uk today", ["jane.doe+work@example.co.uk"], "Write to me at home"],
    ["PHONE", "Call (555) 123-4567 or +44 20 7946 0958", ["(555) 123-4567", "+44 20 7946 0958"], "Order 12345 shipped"],
    ["CREDIT_DEBIT_CARD_NUMBER", "Card 4111 1111 1111 1111 and 5500-0000-0000-0004", ["4111 1111 1111 1111", "5500-0000-0000-0004"], "Card 4111 1111 1111 1112"],
    ["US_SOCIAL_SECURITY_NUMBER", "SSN 123-45-6789", ["123-45-6789"], "SSN 000-12-3456 and 666-12-3456 and 123-00-4567"],
    ["IP_ADDRESS", "Host 192.168.10.254 answered", ["192.168.10.254"], "Version 1.2.3 and 300.1.1.1"],
    ["AWS_ACCESS_KEY", "key=AKIAIOSFODNN7EXAMPLE here", ["AKIAIOSFODNN7EXAMPLE"], "AKIA123 is too short"],
    ["URL", "See https://example.com/a?b=1. And www.example.org", ["https://example.com/a?b=1", "www.example.org"], "example dot com"],
  ])("%s: finds %s, ignores the negative sample", (type, text, matches, negative) => {
    const g = pii(type);
    expect(found(g, text)).toEqual(matches);
    expect(found(g, negative)).toEqual([]);
  });

  it("checks card numbers with Luhn: an invalid checksum is neither a card nor a phone", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    const g = guardrail({ sensitiveInformationPolicy: { piiEntities: [{ type: "CREDIT_DEBIT_CARD_NUMBER", action: "BLOCK" }, { type: "PHONE", action: "BLOCK" }] } });
    expect(evaluateLocally(g, "INPUT", "4111 1111 1111 1112").action).toBe("NONE");
    expect(evaluateLocally(g, "INPUT", "4111111111111111").action).toBe("GUARDRAIL_INTERVENED");
  });
});

describe("actions", () => {
  it("anonymizes with {TYPE} and {regex name} placeholders, like Bedrock", () => {
    const g = guardrail({
      sensitiveInformationPolicy: {
        piiEntities: [{ type: "EMAIL", action: "ANONYMIZE" }, { type: "PHONE", action: "ANONYMIZE" }],
        regexes: [{ name: "order-id", pattern: "ORD-\\d{6}", action: "ANONYMIZE" }],
      },
    });
    const v = evaluateLocally(g, "OUTPUT", "Mail ann@example.com about ORD-123456, call 555-123-4567.");
    expect(v).toMatchObject({ action: "GUARDRAIL_INTERVENED", blocked: false, output: "Mail {EMAIL} about {order-id}, call {PHONE}.", intervenedPolicies: ["sensitiveInformationPolicy"] });
    expect(v.assessments[0].sensitiveInformationPolicy).toEqual({
      piiEntities: [{ match: "ann@example.com", type: "EMAIL", action: "ANONYMIZED" }, { match: "555-123-4567", type: "PHONE", action: "ANONYMIZED" }],
      regexes: [{ name: "order-id", match: "ORD-123456", regex: "ORD-\\d{6}", action: "ANONYMIZED" }],
    });
  });

  it("BLOCK replaces the text with the message for its source; NONE only reports", () => {
    const g = guardrail({ sensitiveInformationPolicy: { piiEntities: [{ type: "US_SOCIAL_SECURITY_NUMBER", action: "BLOCK" }, { type: "EMAIL", action: "NONE" }] } });
    expect(evaluateLocally(g, "INPUT", "my ssn is 123-45-6789")).toMatchObject({ blocked: true, output: "Input blocked." });
    expect(evaluateLocally(g, "OUTPUT", "my ssn is 123-45-6789")).toMatchObject({ blocked: true, output: "Output blocked." });
    const reported = evaluateLocally(g, "INPUT", "mail a@b.io");
    expect(reported).toMatchObject({ action: "NONE", output: "mail a@b.io" });
    expect(reported.assessments[0].sensitiveInformationPolicy?.piiEntities).toEqual([{ match: "a@b.io", type: "EMAIL", action: "NONE" }]);
  });
});

describe("word policy", () => {
  const g = guardrail({ wordPolicy: { words: [{ text: "Project Falcon" }, { text: "class" }], managedWordLists: [{ type: "PROFANITY" }] } });

  it("matches whole words only, case-insensitively, phrases across any whitespace", () => {
    expect(evaluateLocally(g, "INPUT", "What is project   FALCON?").assessments[0].wordPolicy?.customWords).toEqual([{ match: "project   FALCON", action: "BLOCKED" }]);
    expect(evaluateLocally(g, "INPUT", "the CLASS starts").action).toBe("GUARDRAIL_INTERVENED");
    expect(evaluateLocally(g, "INPUT", "data classification and subclass and class_name").action).toBe("NONE");
  });

  it("blocks words from the built-in PROFANITY subset and reports them as the managed list", () => {
    const v = evaluateLocally(g, "OUTPUT", "well, Shit happens");
    expect(v).toMatchObject({ blocked: true, output: "Output blocked.", intervenedPolicies: ["wordPolicy"] });
    expect(v.assessments[0].wordPolicy?.managedWordLists).toEqual([{ match: "Shit", type: "PROFANITY", action: "BLOCKED" }]);
    expect(evaluateLocally(g, "OUTPUT", "Shitake mushrooms").action).toBe("NONE");
  });
});

describe("what needs Bedrock", () => {
  it("lists configured topics, content filters, grounding and PII types without a local detector as not evaluated", () => {
    const g = guardrail({
      topicPolicy: { topics: [{ name: "Investment advice", definition: "Recommending investments", type: "DENY" }] },
      contentPolicy: { filters: [{ type: "HATE", inputStrength: "HIGH", outputStrength: "HIGH" }] },
      contextualGroundingPolicy: { filters: [{ type: "GROUNDING", threshold: 0.7 }] },
      sensitiveInformationPolicy: { piiEntities: [{ type: "NAME", action: "ANONYMIZE" }, { type: "EMAIL", action: "ANONYMIZE" }] },
    });
    const v = evaluateLocally(g, "INPUT", "Should I buy shares?");
    expect(v.notEvaluated).toEqual(["topics", "contentFilters", "contextualGrounding"]);
    expect(v.piiNotEvaluated).toEqual(["NAME"]);
    expect(v.action).toBe("NONE");
  });
});

describe("time budget", () => {
  it("stops a backtracking regex that safe-regex2's heuristic lets through", () => {
    // (a|a)*$ has star height 1, so safe-regex2 accepts it, yet it backtracks exponentially.
    const g = guardrail({ sensitiveInformationPolicy: { regexes: [{ name: "sneaky", pattern: "(a|a)*$", action: "BLOCK" }] } });
    const started = performance.now();
    const v = evaluateWithBudget(g, "INPUT", `${"a".repeat(40)}!`, 100);
    expect(v).toEqual({ action: "TIME_BUDGET_EXCEEDED", budgetMs: 100 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(evaluateWithBudget(g, "INPUT", "aaa", 100).action).toBe("GUARDRAIL_INTERVENED");
  });
});
