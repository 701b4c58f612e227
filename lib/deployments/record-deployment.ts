import type { Prisma } from "@/lib/generated/prisma/client";
import { newId, type ServiceContext, type Tx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { enqueueWebhookEvent } from "@/lib/webhooks/enqueue-webhook-event";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { strongEtag } from "@/lib/runtime/runtime-config";
import { serializeDeployment } from "./serialize";

/**
 * Locks the use case row for the rest of the transaction: promotions and rollbacks of one use
 * case run one after the other, so each sees what the one before it deployed. (ActiveDeployment
 * rows may not exist yet, so they cannot be the lock.) Returns what runs in the environment now.
 */
export async function lockEnvironment(tx: Tx, useCaseId: string, environment: AwsEnvironmentName) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "UseCase" WHERE id = ${useCaseId} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Use case");
  return tx.activeDeployment.findUnique({ where: { useCaseId_environment: { useCaseId, environment } } });
}

/** The body the runtime API will serve (PostgreSQL's jsonb text of the config) and its ETag. */
export async function configBody(tx: Tx, config: unknown): Promise<{ body: string; etag: string }> {
  const [row] = await tx.$queryRaw<{ body: string }[]>`SELECT (${JSON.stringify(config)}::jsonb)::text AS body`;
  if (!row) throw new AppError("INTERNAL", "Could not serialise the runtime configuration");
  return { body: row.body, etag: strongEtag(row.body) };
}

type NewDeployment = {
  id: string;
  useCaseId: string;
  environment: AwsEnvironmentName;
  releaseId: string;
  releaseNumber: number;
  kind: "PROMOTION" | "ROLLBACK";
  previousDeploymentId: string | null;
  replacedReleaseId: string | null;
  config: unknown;
  etag: string;
  artifacts: unknown;
  comment: string;
  deployedAt: Date;
};

const EVENTS = { PROMOTION: ["release.promote", "release.promoted"], ROLLBACK: ["release.rollback", "release.rolled-back"] } as const;

/** Inserts the (immutable) deployment, moves what runs, and audits and announces it — all in `tx`. */
export async function recordDeployment(tx: Tx, ctx: ServiceContext, d: NewDeployment) {
  const row = await tx.deployment.create({
    data: {
      id: d.id, useCaseId: d.useCaseId, environment: d.environment, releaseId: d.releaseId, kind: d.kind,
      previousDeploymentId: d.previousDeploymentId, config: d.config as Prisma.InputJsonValue, etag: d.etag,
      artifacts: d.artifacts as Prisma.InputJsonValue, comment: d.comment, deployedById: ctx.actor.id, deployedAt: d.deployedAt,
    },
  });
  const key = { useCaseId: d.useCaseId, environment: d.environment };
  await tx.activeDeployment.upsert({
    where: { useCaseId_environment: key },
    create: { ...key, deploymentId: d.id, releaseId: d.releaseId },
    update: { deploymentId: d.id, releaseId: d.releaseId },
  });
  const deployment = serializeDeployment(row);
  const [action, event] = EVENTS[d.kind];
  await recordAuditEvent(tx, ctx, {
    action,
    resourceType: "release",
    resourceId: d.releaseId,
    before: { environment: d.environment, releaseId: d.replacedReleaseId },
    after: { ...deployment, releaseNumber: d.releaseNumber },
  });
  await enqueueWebhookEvent(tx, event, {
    deploymentId: d.id, kind: d.kind, useCaseId: d.useCaseId, environment: d.environment, releaseId: d.releaseId, releaseNumber: d.releaseNumber,
    replacedReleaseId: d.replacedReleaseId, previousDeploymentId: d.previousDeploymentId, comment: d.comment, deployedById: ctx.actor.id,
    deployedAt: deployment.deployedAt, artifacts: deployment.artifacts,
  });
  return deployment;
}

export const newDeploymentId = () => newId("dep");
