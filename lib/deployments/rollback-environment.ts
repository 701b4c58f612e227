import type { ServiceContext } from "@/lib/context";
import { AppError, notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { lockEnvironment, newDeploymentId, recordDeployment } from "./record-deployment";
import { envSlug, rollbackEnvironmentSchema, rollbackTargetSchema } from "./schemas";

/**
 * Redeploys what ran before the current deployment of an environment. The restored config,
 * ETag and Bedrock artifacts are copied byte for byte (the pinned versions are immutable), and
 * the new deployment's previous is the restored one's previous, so a second rollback walks
 * further back instead of flipping between two releases.
 */
export async function rollbackEnvironment(ctx: ServiceContext, useCaseId: string, environment: unknown, input: unknown) {
  const target = parseInput(rollbackTargetSchema, { useCaseId, environment });
  const { comment } = parseInput(rollbackEnvironmentSchema, input);
  const useCase = await ctx.db.useCase.findUnique({ where: { id: target.useCaseId }, select: { id: true, teamId: true } });
  if (!useCase) throw notFound("Use case");
  authorize(ctx.actor, "release:rollback", { teamId: useCase.teamId });
  const env = target.environment;

  return ctx.db.$transaction(async (tx) => {
    const active = await lockEnvironment(tx, useCase.id, env);
    if (!active) throw new AppError("CONFLICT", `Nothing to roll back to: nothing is deployed to ${envSlug(env)}`);
    const current = await tx.deployment.findUniqueOrThrow({ where: { id: active.deploymentId }, select: { previousDeploymentId: true, release: { select: { number: true } } } });
    if (!current.previousDeploymentId) {
      throw new AppError("CONFLICT", `Nothing to roll back to: release #${current.release.number} is the first deployment in ${envSlug(env)}`);
    }
    const restored = await tx.deployment.findUniqueOrThrow({
      where: { id: current.previousDeploymentId },
      select: { id: true, releaseId: true, previousDeploymentId: true, config: true, etag: true, artifacts: true, release: { select: { number: true } } },
    });
    const deployment = await recordDeployment(tx, ctx, {
      id: newDeploymentId(), useCaseId: useCase.id, environment: env, releaseId: restored.releaseId, releaseNumber: restored.release.number, kind: "ROLLBACK",
      previousDeploymentId: restored.previousDeploymentId, replacedReleaseId: active.releaseId,
      config: restored.config, etag: restored.etag, artifacts: restored.artifacts, comment, deployedAt: new Date(),
    });
    return { deployment, restoredDeploymentId: restored.id };
  });
}
