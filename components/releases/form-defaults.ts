import type { ReleaseFormOptions } from "@/lib/releases/queries";
import type { ReleaseDto } from "@/lib/releases/serialize";
import type { ReleaseFormValues } from "./release-form";

/** A role name from a prompt name (`ticket-classifier`), within the role rules. */
const roleOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[^a-z]+/, "").slice(0, 40) || "prompt";

/** The prompts of a new release: the roles running in prod now, each at its prompt's latest version; before the first prod release, every prompt under a role named after it. */
function defaultPrompts(o: ReleaseFormOptions): ReleaseFormValues["prompts"] {
  const latest = new Map(o.prompts.map((p) => [p.id, p.versions[0]!.id]));
  const fromProd = o.productionRoles.filter((r) => latest.has(r.promptId)).map((r) => ({ role: r.role, promptVersionId: latest.get(r.promptId)! }));
  if (fromProd.length) return fromProd;
  return o.prompts.length ? o.prompts.map((p) => ({ role: roleOf(p.name), promptVersionId: p.versions[0]!.id })) : [{ role: "", promptVersionId: "" }];
}

/**
 * A new release starts from what runs in prod, updated to the newest of everything: each
 * role's prompt at its latest version (defaultPrompts), the latest guardrail version, and the newest run that passes the gates
 * with the dataset version it ran on (submitting needs exactly that pair). Without a passing
 * run, the first dataset's latest version and no run.
 */
export function newReleaseDefaults(o: ReleaseFormOptions): ReleaseFormValues {
  // o.runs is newest first.
  const run = o.runs.find((r) => r.passed) ?? null;
  const dataset = run?.datasetVersionId ?? o.datasets[0]?.versions[0]?.id ?? null;
  return {
    prompts: defaultPrompts(o),
    modelId: o.prompts.find((p) => p.modelId)?.modelId ?? "",
    guardrailVersionId: o.guardrails[0]?.versions[0]?.id ?? null,
    knowledgeBaseIds: [],
    datasetVersionId: dataset,
    evaluationRunId: run?.id ?? null,
    notes: "",
  };
}

export function releaseValues(r: ReleaseDto): ReleaseFormValues {
  return {
    prompts: r.prompts, modelId: r.modelId, guardrailVersionId: r.guardrailVersionId, knowledgeBaseIds: r.knowledgeBaseIds,
    datasetVersionId: r.datasetVersionId, evaluationRunId: r.evaluationRunId, notes: r.notes,
  };
}
