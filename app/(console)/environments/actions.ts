"use server";

import { runAction } from "@/lib/actions/run-action";
import { promoteRelease } from "@/lib/deployments/promote-release";
import { rollbackEnvironment } from "@/lib/deployments/rollback-environment";

// Thin transports: the services validate, authorise against the use case's team (per stage for
// promotion), audit and announce. Production has its own action because it has its own
// permission (admins hold it for every team but cannot promote to dev or preprod).

const summary = ({ deployment }: Awaited<ReturnType<typeof promoteRelease>>) => ({ deploymentId: deployment.id, environment: deployment.environment, releaseId: deployment.releaseId });

export async function promoteReleaseAction(releaseId: string, input: unknown) {
  return runAction("release:promote", (ctx) => promoteRelease(ctx, String(releaseId), input).then(summary));
}

export async function promoteReleaseToProdAction(releaseId: string, input: unknown) {
  const withProd = typeof input === "object" && input !== null && !Array.isArray(input) ? { ...input, environment: "PROD" } : input;
  return runAction("release:promote-prod", (ctx) => promoteRelease(ctx, String(releaseId), withProd).then(summary));
}

export async function rollbackEnvironmentAction(useCaseId: string, environment: string, input: unknown) {
  return runAction("release:rollback", (ctx) =>
    rollbackEnvironment(ctx, String(useCaseId), environment, input).then(({ deployment }) => ({ deploymentId: deployment.id, releaseId: deployment.releaseId })),
  );
}
