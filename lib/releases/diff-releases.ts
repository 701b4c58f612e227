import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError, parseInput } from "@/lib/errors";
import { authorize, type Actor } from "@/lib/permissions";
import { diffPrompts, type PromptDiff, type SideBySide } from "@/lib/prompts/diff";
import { diffGuardrailConfigs, hasChanges, type PolicyDiff } from "@/lib/guardrails/diff";
import type { GuardrailConfig } from "@/lib/guardrails/schemas";
import { loadBundleOrThrow, type Bundle, type PinnedPrompt } from "./bundle";
import { diffReleasesSchema } from "./schemas";

// The diff of two release bundles, across everything they pin. Pure (diffBundles) so the diff
// page, the drafted release notes and the tests read the same result.

export type PinLabel = { id: string; parentId: string; name: string; version: number };
export type RoleDiff = {
  role: string;
  status: "added" | "removed" | "changed" | "same";
  left: PinLabel | null;
  right: PinLabel | null;
  /** Text, variables and parameters; null when the role exists on one side only. */
  prompt: PromptDiff | null;
};
export type MetricDelta = { name: string; left: number | null; right: number | null; delta: number | null };
export type ReleaseDiff = {
  roles: RoleDiff[];
  model: SideBySide<string>;
  guardrail: { left: PinLabel | null; right: PinLabel | null; changed: boolean; policies: PolicyDiff[] };
  knowledgeBases: { added: string[]; removed: string[]; kept: string[]; changed: boolean };
  dataset: { left: PinLabel | null; right: PinLabel | null; changed: boolean };
  run: { left: PinLabel | null; right: PinLabel | null; changed: boolean };
  metrics: MetricDelta[];
  changed: boolean;
};

const promptLabel = (p: PinnedPrompt): PinLabel => ({ id: p.promptVersionId, parentId: p.promptId, name: p.promptName, version: p.version });

/** Rounded so that 0.91 - 0.85 reads 0.06, not 0.06000000000000005. */
const delta = (l: number | null, r: number | null) => (l === null || r === null ? null : Math.round((r - l) * 1e9) / 1e9);

export function diffBundles(left: Bundle, right: Bundle): ReleaseDiff {
  const l = new Map(left.prompts.map((p) => [p.role, p]));
  const r = new Map(right.prompts.map((p) => [p.role, p]));
  const roles = [...new Set([...l.keys(), ...r.keys()])].sort().map((role): RoleDiff => {
    const a = l.get(role);
    const b = r.get(role);
    if (!a || !b) return { role, status: a ? "removed" : "added", left: a ? promptLabel(a) : null, right: b ? promptLabel(b) : null, prompt: null };
    const prompt = diffPrompts(a.content, b.content);
    const status = a.promptVersionId === b.promptVersionId ? "same" : "changed";
    return { role, status, left: promptLabel(a), right: promptLabel(b), prompt };
  });

  const lg = left.guardrail;
  const rg = right.guardrail;
  // No guardrail on one side reads as a guardrail with no policies: everything is added or removed.
  const empty = { blockedInputMessaging: "", blockedOutputsMessaging: "" } as GuardrailConfig;
  const policies = lg || rg ? diffGuardrailConfigs(lg?.config ?? empty, rg?.config ?? empty) : [];
  const guardrail = {
    left: lg ? { id: lg.versionId, parentId: lg.guardrailId, name: lg.name, version: lg.version } : null,
    right: rg ? { id: rg.versionId, parentId: rg.guardrailId, name: rg.name, version: rg.version } : null,
    changed: lg?.versionId !== rg?.versionId,
    policies,
  };

  const kbAdded = right.knowledgeBaseIds.filter((k) => !left.knowledgeBaseIds.includes(k));
  const kbRemoved = left.knowledgeBaseIds.filter((k) => !right.knowledgeBaseIds.includes(k));
  const knowledgeBases = { added: kbAdded, removed: kbRemoved, kept: right.knowledgeBaseIds.filter((k) => left.knowledgeBaseIds.includes(k)), changed: kbAdded.length + kbRemoved.length > 0 };

  const ds = (b: Bundle) => (b.dataset ? { id: b.dataset.versionId, parentId: b.dataset.datasetId, name: b.dataset.name, version: b.dataset.version } : null);
  const dataset = { left: ds(left), right: ds(right), changed: left.dataset?.versionId !== right.dataset?.versionId };
  const rn = (b: Bundle) => (b.run ? { id: b.run.id, parentId: b.run.id, name: b.run.candidate, version: b.run.number } : null);
  const run = { left: rn(left), right: rn(right), changed: left.run?.id !== right.run?.id };

  const lm = new Map((left.run?.metrics ?? []).map((m) => [m.name, m.value]));
  const rm = new Map((right.run?.metrics ?? []).map((m) => [m.name, m.value]));
  const metrics = [...new Set([...lm.keys(), ...rm.keys()])].sort().map((name) => {
    const a = lm.get(name) ?? null;
    const b = rm.get(name) ?? null;
    return { name, left: a, right: b, delta: delta(a, b) };
  });

  const model = { name: "Model id", left: left.modelId, right: right.modelId, changed: left.modelId !== right.modelId };
  const changed =
    roles.some((x) => x.status !== "same") || model.changed || guardrail.changed || (guardrail.policies.length > 0 && hasChanges(guardrail.policies)) || knowledgeBases.changed || dataset.changed || run.changed;
  return { roles, model, guardrail, knowledgeBases, dataset, run, metrics, changed };
}

/** Loads two releases of the same use case and diffs them (a is the left, older side). */
export async function diffReleases({ db, actor }: { db: PrismaClient; actor: Actor }, input: Record<string, unknown>) {
  authorize(actor, "release:read");
  const { a, b } = parseInput(diffReleasesSchema, input);
  const [left, right] = await Promise.all([loadBundleOrThrow(db, a), loadBundleOrThrow(db, b)]);
  if (left.useCaseId !== right.useCaseId) {
    throw new AppError("VALIDATION_FAILED", "b: is a release of another use case; only releases of the same use case can be compared", { fields: [{ field: "b", message: "is a release of another use case" }] });
  }
  return { left, right, diff: diffBundles(left, right) };
}
