import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { ServiceContext, Tx } from "@/lib/context";
import { AppError, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { resolveRuntimeConfig } from "@/lib/runtime/runtime-config";
import { loadReleaseForDeploymentOrThrow, type ReleaseForDeployment } from "./load-release";
import { checkPublications, type PinnedVersion } from "./publications";
import { publishMissingVersions } from "./publish-missing-versions";
import { configBody, lockEnvironment, newDeploymentId, recordDeployment } from "./record-deployment";
import { envSlug, previousStage, promotePermission, promoteReleaseSchema } from "./schemas";

/** The order rules, checked before anything is published and again under the lock. */
async function assertPromotable(db: PrismaClient | Tx, release: ReleaseForDeployment, environment: AwsEnvironmentName, activeReleaseId: string | null) {
  if (release.status !== "APPROVED") {
    throw new AppError("CONFLICT", `Only an approved release can be promoted; release #${release.number} is ${release.status.toLowerCase().replace("_", " ")}`);
  }
  const before = previousStage(environment);
  if (before) {
    const reached = await db.deployment.findFirst({ where: { releaseId: release.id, environment: before, kind: "PROMOTION" }, select: { id: true } });
    if (!reached) {
      throw new AppError("CONFLICT", `Release #${release.number} has not been promoted to ${envSlug(before)} yet: promote it to ${envSlug(before)} before ${envSlug(environment)}`);
    }
  }
  if (activeReleaseId === release.id) throw new AppError("CONFLICT", `Release #${release.number} already runs in ${envSlug(environment)}`);
}

const unpublished = (missing: PinnedVersion[], environment: AwsEnvironmentName) =>
  new AppError(
    "CONFLICT",
    `Not published to the ${environment} AWS account: ${missing.map((m) => m.label).join(", ")}. Publish them first, or choose "publish missing versions first".`,
    { unpublished: missing },
  );

const activeReleaseId = async (db: PrismaClient, useCaseId: string, environment: AwsEnvironmentName) =>
  (await db.activeDeployment.findUnique({ where: { useCaseId_environment: { useCaseId, environment } }, select: { releaseId: true } }))?.releaseId ?? null;

/**
 * Puts an approved release into an environment, dev → preprod → prod, never skipping one. Where
 * the environment has an AWS connection, every pinned version must be published there first
 * (optionally done here). The deployment row stores the runtime config resolved now, with the
 * Bedrock ids, and its ETag; the use case row lock makes concurrent promotions take turns.
 */
export async function promoteRelease(ctx: ServiceContext, releaseId: string, input: unknown) {
  const { environment, publishMissing, comment } = parseInput(promoteReleaseSchema, input);
  const release = await loadReleaseForDeploymentOrThrow(ctx.db, String(releaseId));
  authorize(ctx.actor, promotePermission(environment), { teamId: release.useCase.teamId });
  await assertPromotable(ctx.db, release, environment, await activeReleaseId(ctx.db, release.useCase.id, environment));

  const first = await checkPublications(ctx.db, release, environment);
  if (first.missing.length) {
    if (!publishMissing) throw unpublished(first.missing, environment);
    await publishMissingVersions(ctx, release.useCase.teamId, first.missing, environment);
  }

  return ctx.db.$transaction(async (tx) => {
    const active = await lockEnvironment(tx, release.useCase.id, environment);
    await assertPromotable(tx, release, environment, active?.releaseId ?? null);
    // Re-read under the lock: a connection added meanwhile makes publication required.
    const check = await checkPublications(tx, release, environment);
    if (check.missing.length) throw unpublished(check.missing, environment);
    const id = newDeploymentId();
    const deployedAt = new Date();
    const config = resolveRuntimeConfig(release, { environment, deploymentId: id, deployedAt }, check.published);
    const { etag } = await configBody(tx, config);
    const deployment = await recordDeployment(tx, ctx, {
      id, useCaseId: release.useCase.id, environment, releaseId: release.id, releaseNumber: release.number, kind: "PROMOTION",
      previousDeploymentId: active?.deploymentId ?? null, replacedReleaseId: active?.releaseId ?? null,
      config, etag, artifacts: check.artifacts, comment, deployedAt,
    });
    return { deployment, connected: check.connected, config };
  });
}
