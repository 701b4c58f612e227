import type { ReleaseFormOptions } from "@/lib/releases/queries";
import type { ReleaseDto } from "@/lib/releases/serialize";
import type { ReleaseFormValues } from "./release-form";

/** A role name from a prompt name (`ticket-classifier`), within the role rules. */
const roleOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^[^a-z]+/, "").slice(0, 40) || "prompt";

/**
 * A new release starts from the newest of everything: each prompt's latest version under a
 * role named after it, the latest guardrail and dataset versions, and the newest run on that
 * dataset version that passes the gates.
 */
export function newReleaseDefaults(o: ReleaseFormOptions): ReleaseFormValues {
  const dataset = o.datasets[0]?.versions[0]?.id ?? null;
  const run = o.runs.find((r) => r.datasetVersionId === dataset && r.passed) ?? null;
  return {
    prompts: o.prompts.length ? o.prompts.map((p) => ({ role: roleOf(p.name), promptVersionId: p.versions[0]!.id })) : [{ role: "", promptVersionId: "" }],
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
