import type { GateComparison, RiskTier } from "@/lib/generated/prisma/client";
import type { GateResult, Metric } from "@/lib/evaluations/evaluate-gates";
import { REQUIRED_APPROVALS } from "@/lib/use-cases/schemas";

// Small, pure readers of the JSON columns the evidence quotes. They are defensive on purpose: the
// evidence of an old release must still export if a column's shape has grown since.

/** Approvals a release needs, from the one table the reviews use; null: never approvable. */
export function requiredApprovals(tier: RiskTier): number | null {
  const n = REQUIRED_APPROVALS[tier];
  return Number.isFinite(n) ? n : null;
}

export function approvalRule(tier: RiskTier): string {
  const n = requiredApprovals(tier);
  if (n === null) return "A prohibited use case can never be released.";
  return n === 1 ? "One reviewer approval." : `${n} approvals from different reviewers.`;
}

/** The text a prompt version sends: a TEXT template, or a chat's system prompt and messages. */
export function promptTemplateText(content: unknown): { type: string; text: string } {
  const c = (content ?? {}) as { type?: string; template?: string; system?: string; messages?: { role?: string; text?: string }[] };
  if (c.type === "CHAT") {
    const parts = [...(c.system ? [`[system]\n${c.system}`] : []), ...(c.messages ?? []).map((m) => `[${m.role ?? "user"}]\n${m.text ?? ""}`)];
    return { type: "CHAT", text: parts.join("\n\n") };
  }
  return { type: c.type ?? "TEXT", text: c.template ?? "" };
}

/** Metrics as posted: an array of { name, value }, or (older shape) an object name → value. */
export function readMetrics(json: unknown): Metric[] {
  if (Array.isArray(json)) {
    return json.flatMap((m) => (m && typeof m === "object" && typeof m.name === "string" && typeof m.value === "number" ? [{ name: m.name, value: m.value }] : []));
  }
  if (json && typeof json === "object") {
    return Object.entries(json).flatMap(([name, value]) => (typeof value === "number" ? [{ name, value }] : []));
  }
  return [];
}

const COMPARISONS = new Set(["GTE", "GT", "LTE", "LT"]);

/** The verdict recorded on the run when it arrived (EvaluationRun.gateResults). */
export function readGateResults(json: unknown): GateResult[] {
  if (!Array.isArray(json)) return [];
  return json.flatMap((r) => {
    if (!r || typeof r !== "object" || typeof r.metric !== "string" || !COMPARISONS.has(r.comparison) || typeof r.threshold !== "number") return [];
    return [{ metric: r.metric, comparison: r.comparison as GateComparison, threshold: r.threshold, value: typeof r.value === "number" ? r.value : null, passed: r.passed === true, reason: typeof r.reason === "string" ? r.reason : null }];
  });
}

export type DeployedArtifact = { label: string | null; arn: string };

/**
 * The Bedrock ARNs a deployment recorded (prompt and guardrail versions published in the
 * environment's account), each with the deployment's own label for it when it has one.
 */
export function readArtifacts(artifacts: unknown): DeployedArtifact[] {
  const found = new Map<string, string | null>();
  const walk = (v: unknown, label: string | null) => {
    if (typeof v === "string") {
      if (v.startsWith("arn:") && !found.get(v)) found.set(v, label);
    } else if (Array.isArray(v)) v.forEach((x) => walk(x, label));
    else if (v && typeof v === "object") {
      const own = typeof (v as { label?: unknown }).label === "string" ? (v as { label: string }).label : label;
      Object.values(v).forEach((x) => walk(x, own));
    }
  };
  walk(artifacts, null);
  return [...found].map(([arn, label]) => ({ label, arn }));
}
