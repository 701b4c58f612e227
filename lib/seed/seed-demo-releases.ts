import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newRequestId, type ServiceContext } from "@/lib/context";
import type { UserActor } from "@/lib/permissions";
import { createDataset } from "@/lib/datasets/create-dataset";
import { importDatasetItems } from "@/lib/datasets/import-dataset-items";
import { createDatasetVersion } from "@/lib/datasets/create-dataset-version";
import { createGate } from "@/lib/evaluations/create-gate";
import { createEvaluationRun } from "@/lib/evaluations/create-evaluation-run";
import { createRelease } from "@/lib/releases/create-release";
import { submitRelease } from "@/lib/releases/submit-release";
import { reviewRelease } from "@/lib/releases/review-release";
import { promoteRelease } from "@/lib/deployments/promote-release";

const GOLDEN_CSV = [
  "input.product,input.ticket,expected,tags",
  "Payments,I was charged twice for my March invoice,billing,refund",
  "Payments,Card declined at checkout although the bank says it is fine,billing,payments",
  "Platform,The dashboard has returned 502 errors since 9:00,outage,p1",
  "Platform,API latency is over 10 seconds in eu-west-1,outage,p1",
  "Platform,How do I rotate my API key?,how-to,security",
  "Mobile,Where do I change the notification sound?,how-to,",
  "Platform,Someone logged into my account from another country,security,account",
  "Mobile,The app crashes when I open the camera,other,bug",
].join("\n");

const GATES = [
  { metric: "accuracy", comparison: "GTE", threshold: 0.85 },
  { metric: "guardrail_intervention_rate", comparison: "LTE", threshold: 0.05 },
  { metric: "latency_p95_ms", comparison: "LTE", threshold: 3000 },
  { metric: "cost_per_request_usd", comparison: "LTE", threshold: 0.01 },
] as const;

const metrics = (accuracy: number, latency: number) => [
  { name: "accuracy", value: accuracy },
  { name: "guardrail_intervention_rate", value: 0.02 },
  { name: "latency_p95_ms", value: latency },
  { name: "cost_per_request_usd", value: 0.0031 },
];

/**
 * The release story of the demo "support-triage" use case, through the real services: a golden
 * dataset, gates, a failing and two passing runs, release 1 approved by both reviewers and live in
 * dev, preprod and prod, and release 2 (the new prompt version) waiting for its second approval.
 * Skipped when the use case already has a release.
 */
export async function seedDemoReleases(db: PrismaClient, actor: (email: string) => UserActor): Promise<number> {
  const useCase = await db.useCase.findUnique({ where: { slug: "support-triage" }, select: { id: true, status: true } });
  if (!useCase || (await db.release.count({ where: { useCaseId: useCase.id } })) > 0) return 0;
  const prompt = await db.prompt.findFirst({ where: { useCaseId: useCase.id, name: "ticket-classifier" }, include: { versions: { orderBy: { number: "asc" } } } });
  const guardrail = await db.guardrail.findFirst({ where: { useCaseId: useCase.id, name: "support-pii" }, include: { versions: true } });
  if (!prompt || prompt.versions.length < 2 || !guardrail?.versions[0]) return 0;
  const as = (email: string): ServiceContext => ({ db, actor: actor(email), requestId: newRequestId() });
  const engineer = "engineer@strata.local";

  const dataset = await createDataset(as(engineer), { useCaseId: useCase.id, name: "triage-golden", description: "Hand-labelled tickets from the support queue" });
  await importDatasetItems(as(engineer), dataset.id, { format: "csv", text: GOLDEN_CSV, mode: "append", confirmedRows: 8 });
  const version = (await createDatasetVersion(as(engineer), dataset.id, { message: "Eight labelled tickets across the queues" })) as { id: string; number: number };
  for (const gate of GATES) await createGate(as("owner@strata.local"), { useCaseId: useCase.id, ...gate });

  const run = async (candidate: string, accuracy: number, latency: number) =>
    (await createEvaluationRun(as(engineer), { useCaseId: useCase.id, candidate, datasetId: dataset.id, datasetVersion: version.number, metrics: metrics(accuracy, latency) }, "api")) as { id: string };
  await run("rc-1 (classifier v1, temperature 0.7)", 0.78, 2400);
  const passing = await run("rc-2 (classifier v1)", 0.91, 2100);
  const next = await run("rc-3 (classifier v2)", 0.93, 1900);

  const bundle = (promptVersionId: string, evaluationRunId: string) => ({
    useCaseId: useCase.id,
    modelId: "amazon.nova-lite-v1:0",
    prompts: [{ role: "triage", promptVersionId }],
    guardrailVersionId: guardrail.versions[0]!.id,
    knowledgeBaseIds: [],
    datasetVersionId: version.id,
    evaluationRunId,
  });
  const first = (await createRelease(as(engineer), bundle(prompt.versions[0]!.id, passing.id))) as { id: string };
  await submitRelease(as(engineer), first.id);
  await reviewRelease(as("reviewer@strata.local"), first.id, { decision: "APPROVE", comment: "Gates pass; PII guardrail pinned. Approved." });
  await reviewRelease(as("reviewer2@strata.local"), first.id, { decision: "APPROVE", comment: "Second approval for the high tier." });
  for (const environment of ["DEV", "PREPROD"] as const) await promoteRelease(as(engineer), first.id, { environment, comment: "Demo rollout" });
  await promoteRelease(as("owner@strata.local"), first.id, { environment: "PROD", comment: "Go-live" });

  const second = (await createRelease(as(engineer), bundle(prompt.versions[1]!.id, next.id))) as { id: string };
  await submitRelease(as(engineer), second.id);
  await reviewRelease(as("reviewer@strata.local"), second.id, { decision: "APPROVE", comment: "The security queue is covered by the dataset. Approved." });
  return 2;
}
