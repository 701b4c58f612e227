import { ApplyGuardrailCommand, type BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";

// Checking a text against a published guardrail version: Bedrock Runtime ApplyGuardrail.

export type GuardrailRunInput = { guardrailId: string; version: string; source: "INPUT" | "OUTPUT"; text: string };

export type GuardrailFinding = { policy: string; label: string; action: string; match?: string };

export type GuardrailRunResult = {
  action: "NONE" | "GUARDRAIL_INTERVENED";
  outputs: string[];
  findings: GuardrailFinding[];
  /** Bedrock's assessments as returned, for the raw view. */
  assessments: unknown[];
  usage: Record<string, number>;
  elapsedMs: number;
};

export interface GuardrailRunner {
  apply(input: GuardrailRunInput): Promise<GuardrailRunResult>;
}

type Assessment = {
  topicPolicy?: { topics?: { name?: string; action?: string }[] };
  contentPolicy?: { filters?: { type?: string; confidence?: string; action?: string }[] };
  wordPolicy?: { customWords?: { match?: string; action?: string }[]; managedWordLists?: { match?: string; type?: string; action?: string }[] };
  sensitiveInformationPolicy?: { piiEntities?: { match?: string; type?: string; action?: string }[]; regexes?: { name?: string; match?: string; action?: string }[] };
  contextualGroundingPolicy?: { filters?: { type?: string; score?: number; threshold?: number; action?: string }[] };
};

/** Flattens Bedrock's nested assessments into one list a table can show. */
export function flattenAssessments(assessments: Assessment[]): GuardrailFinding[] {
  const out: GuardrailFinding[] = [];
  for (const a of assessments) {
    for (const t of a.topicPolicy?.topics ?? []) out.push({ policy: "Denied topic", label: t.name ?? "?", action: t.action ?? "?" });
    for (const f of a.contentPolicy?.filters ?? []) out.push({ policy: "Content filter", label: `${f.type} (${f.confidence ?? "?"})`, action: f.action ?? "?" });
    for (const w of a.wordPolicy?.customWords ?? []) out.push({ policy: "Word", label: "Custom word", action: w.action ?? "?", match: w.match });
    for (const w of a.wordPolicy?.managedWordLists ?? []) out.push({ policy: "Word", label: w.type ?? "Managed list", action: w.action ?? "?", match: w.match });
    for (const p of a.sensitiveInformationPolicy?.piiEntities ?? []) out.push({ policy: "PII", label: p.type ?? "?", action: p.action ?? "?", match: p.match });
    for (const r of a.sensitiveInformationPolicy?.regexes ?? []) out.push({ policy: "Regex", label: r.name ?? "?", action: r.action ?? "?", match: r.match });
    for (const g of a.contextualGroundingPolicy?.filters ?? []) out.push({ policy: "Grounding", label: `${g.type} ${g.score ?? "?"} / ${g.threshold ?? "?"}`, action: g.action ?? "?" });
  }
  return out;
}

export function awsGuardrailRunner(runtime: BedrockRuntimeClient): GuardrailRunner {
  return {
    async apply({ guardrailId, version, source, text }) {
      const started = performance.now();
      const out = await runtime.send(
        new ApplyGuardrailCommand({ guardrailIdentifier: guardrailId, guardrailVersion: version, source, content: [{ text: { text } }] }),
      );
      const assessments = (out.assessments ?? []) as Assessment[];
      return {
        action: out.action === "GUARDRAIL_INTERVENED" ? "GUARDRAIL_INTERVENED" : "NONE",
        outputs: (out.outputs ?? []).map((o) => o.text ?? ""),
        findings: flattenAssessments(assessments),
        assessments: JSON.parse(JSON.stringify(assessments)) as unknown[],
        usage: Object.fromEntries(Object.entries(out.usage ?? {}).filter(([, v]) => typeof v === "number")) as Record<string, number>,
        elapsedMs: Math.round(performance.now() - started),
      };
    },
  };
}
