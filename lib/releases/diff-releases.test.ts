import { describe, expect, it } from "vitest";
import type { PromptContent } from "@/lib/prompts/schemas";
import type { Bundle } from "./bundle";
import { diffBundles } from "./diff-releases";
import { draftReleaseNotes } from "./draft-release-notes";

const text = (template: string, temperature = 0.2): PromptContent => ({ type: "TEXT", template, modelId: "amazon.nova-lite-v1:0", variables: [], inference: { temperature, stopSequences: [] } });
const prompt = (role: string, version: number, content: PromptContent) => ({ role, promptVersionId: `pv_${role}_${version}`, promptId: `p_${role}`, promptName: `${role}-prompt`, version, content, createdById: "u" });
const base: Bundle = {
  modelId: "amazon.nova-lite-v1:0",
  prompts: [prompt("triage", 1, text("Classify {{ticket}}")), prompt("old", 1, text("Legacy"))],
  guardrail: { versionId: "gv1", guardrailId: "g", name: "pii", version: 1, config: { blockedInputMessaging: "No", blockedOutputsMessaging: "No" }, createdById: "u" },
  knowledgeBaseIds: ["KBAAAAAAAA"],
  dataset: { versionId: "dv1", datasetId: "d", name: "golden", version: 1, itemCount: 10 },
  run: { id: "run1", number: 1, candidate: "ci", datasetVersionId: "dv1", metrics: [{ name: "accuracy", value: 0.85 }, { name: "cost", value: 0.01 }], passed: true, createdAt: "2026-01-01T00:00:00.000Z" },
};
const next: Bundle = {
  ...base,
  modelId: "amazon.nova-pro-v1:0",
  prompts: [prompt("triage", 2, text("Classify {{ticket}} by urgency", 0.5)), prompt("reply", 1, text("Reply to {{ticket}}"))],
  guardrail: { ...base.guardrail!, versionId: "gv2", version: 2, config: { ...base.guardrail!.config, wordPolicy: { words: [{ text: "refund" }], managedWordLists: [] } } },
  knowledgeBaseIds: ["KBBBBBBBBB"],
  run: { ...base.run!, id: "run2", number: 2, metrics: [{ name: "accuracy", value: 0.91 }, { name: "latency", value: 900 }] },
};

describe("diffBundles", () => {
  it("compares every part of two bundles", () => {
    const d = diffBundles(base, next);
    expect(d.roles.map((r) => [r.role, r.status])).toEqual([["old", "removed"], ["reply", "added"], ["triage", "changed"]]);
    const triage = d.roles.find((r) => r.role === "triage")!.prompt!;
    expect(triage.sections[0]!.lines.filter((l) => l.kind !== "same").map((l) => [l.kind, l.text])).toEqual([["removed", "Classify {{ticket}}"], ["added", "Classify {{ticket}} by urgency"]]);
    expect(triage.parameters.find((p) => p.name === "Temperature")).toMatchObject({ left: "0.2", right: "0.5", changed: true });
    expect(d.model).toMatchObject({ changed: true, left: "amazon.nova-lite-v1:0", right: "amazon.nova-pro-v1:0" });
    expect(d.guardrail.policies.find((p) => p.policy === "words")!.added.map((w) => w.key)).toEqual(["refund"]);
    expect(d.knowledgeBases).toEqual({ added: ["KBBBBBBBBB"], removed: ["KBAAAAAAAA"], kept: [], changed: true });
    expect(d.dataset.changed).toBe(false);
    expect(d.metrics).toEqual([
      { name: "accuracy", left: 0.85, right: 0.91, delta: 0.06 },
      { name: "cost", left: 0.01, right: null, delta: null },
      { name: "latency", left: null, right: 900, delta: null },
    ]);
    expect(d.changed).toBe(true);
  });

  it("says when two bundles pin the same things", () => {
    const d = diffBundles(base, base);
    expect(d.changed).toBe(false);
    expect(d.roles.every((r) => r.status === "same")).toBe(true);
  });
});

describe("draftReleaseNotes", () => {
  it("lists what a first release pins", () => {
    const notes = draftReleaseNotes("Support triage", base, null);
    expect(notes.split("\n")).toEqual([
      "First release of Support triage.", "", "What it pins:",
      "- Prompt role `triage`: triage-prompt v1", "- Prompt role `old`: old-prompt v1", "- Model: amazon.nova-lite-v1:0", "- Guardrail: pii v1",
      "- Knowledge bases: KBAAAAAAAA", "- Evaluated on golden v1", "", "Evaluation run #1 (ci):", "- accuracy: 0.85", "- cost: 0.01",
    ]);
  });

  it("describes the changes from what runs in production, with metric deltas", () => {
    const notes = draftReleaseNotes("Support triage", next, { ...base, number: 4 });
    expect(notes.split("\n")).toEqual([
      "Changes from release #4, which runs in production now:",
      "- Prompt role `old` removed (was old-prompt v1)",
      "- Prompt role `reply` added: reply-prompt v1",
      "- Prompt role `triage`: triage-prompt v1 → triage-prompt v2 (template text; temperature 0.2 → 0.5)",
      "- Model: amazon.nova-lite-v1:0 → amazon.nova-pro-v1:0",
      "- Guardrail: pii v1 → pii v2 (Blocked words: 1 added)",
      "- Knowledge bases added: KBBBBBBBBB",
      "- Knowledge bases removed: KBAAAAAAAA",
      "",
      "Evaluation run #2 (ci):",
      "- accuracy: 0.91 (production 0.85, +0.06)",
      "- latency: 900",
    ]);
  });
});
