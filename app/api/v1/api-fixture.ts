import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTeam, createUserActor, ctxFor, makeUseCaseInput } from "@/lib/testing/fixtures";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { TOKEN_SCOPES } from "@/lib/permissions";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { createPinnableVersions, insertApprovedRelease } from "@/lib/deployments/testing";
import { promoteRelease } from "@/lib/deployments/promote-release";
import { datasetVersionFor, runInput } from "@/lib/evaluations/test-support";
import { createEvaluationRun } from "@/lib/evaluations/create-evaluation-run";

// Test support only: one team with something behind every v1 route — a use case deployed to dev
// (prompts, a guardrail, a release), a dataset version and an evaluation run — and a token with
// every scope, so a request that names them reaches the route's own checks.

export type ApiFixture = Awaited<ReturnType<typeof createApiFixture>>;

export async function createApiFixture(db: PrismaClient) {
  const teamId = (await createTeam(db, "Edge team")).id;
  const admin = ctxFor(db, await createUserActor(db, "ADMIN"));
  const owner = ctxFor(db, await createUserActor(db, "PRODUCT_OWNER", [teamId]));
  const engineer = ctxFor(db, await createUserActor(db, "ENGINEER", [teamId]));
  const { token } = await createApiToken(admin, { teamId, name: "Every scope", permissions: [...TOKEN_SCOPES] });
  const useCase = await createUseCase(owner, makeUseCaseInput(teamId));
  const pins = await createPinnableVersions(engineer, useCase.id);
  const release = await insertApprovedRelease(db, useCase.id, engineer.actor.id, pins.versions[0]!);
  await promoteRelease(owner, release.id, { environment: "DEV" });
  const dataset = await datasetVersionFor(engineer, useCase.id);
  const run = await createEvaluationRun(engineer, runInput(useCase.id, dataset), "api");
  const ids = { teamId, useCase: useCase.id, slug: useCase.slug, prompt: pins.promptIds.triage, guardrail: pins.guardrailId, run: run.id, release: release.id, ...dataset };
  return { token, ids, makeUseCaseInput: () => makeUseCaseInput(teamId) };
}

/** Real values for a route's path parameters, by the resource its path starts with. */
export function realPathParams(fx: ApiFixture, template: string): Record<string, string> {
  const byResource: Record<string, Record<string, string>> = {
    "use-cases": { id: fx.ids.useCase },
    prompts: { id: fx.ids.prompt, n: "1" },
    guardrails: { id: fx.ids.guardrail, n: "1" },
    "evaluation-runs": { id: fx.ids.run },
    runtime: { slug: fx.ids.slug },
  };
  const resource = template.split("/")[1]!;
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  if (names.length && !byResource[resource]) throw new Error(`api-fixture has no ${resource} for ${template}: add one`);
  return Object.fromEntries(names.map((name) => [name, byResource[resource]![name]!]));
}

/** The template with its parameters filled in (each encoded as a client would). */
export function fillPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name]!));
}
