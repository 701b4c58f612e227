import { randomUUID } from "node:crypto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { awsAppError, formatFailure, toAwsFailure } from "@/lib/aws/errors";
import { awsFor, type AwsCapabilities } from "@/lib/aws/for-connection";
import { connectionConfigFor } from "@/lib/aws-connections/queries";
import { newId, type ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import type { PublishResourceType } from "./schemas";
import { serializePublication } from "./serialize";

// The shared publish protocol for prompts and guardrails:
//  1. claim: find or create the PENDING publication (its clientToken is created once and reused
//     by every retry), refuse while another version of the same resource is being published to
//     the same environment (both would edit the one Bedrock DRAFT), count the attempt, audit;
//  2. call AWS outside any transaction;
//  3. record PUBLISHED with id/ARN/version, or FAILED with the error kind and message; audit.
// A retry after any failure reuses the client token, so Bedrock answers with the version it
// already made instead of a new one.

const IN_FLIGHT_MS = 2 * 60_000;
const PUBLISH_LOCK = 4_242_301;

export type PublishTarget = {
  resourceType: PublishResourceType;
  resourceId: string;
  versionId: string;
  versionNumber: number;
  environment: "DEV" | "PREPROD" | "PROD";
  label: string;
};

export type PublishStep = (aws: AwsCapabilities, p: { clientToken: string; existingId: string | null; onCreated: (id: string, arn: string) => Promise<void> }) => Promise<{ id: string; arn: string; version: string }>;

export async function runPublication(ctx: ServiceContext, target: PublishTarget, step: PublishStep) {
  const action = `${target.resourceType}.publish` as const;
  const config = await connectionConfigFor(ctx.db, target.environment);
  const availability = awsFor(target.environment, config);
  if (!availability.available) throw new AppError("CONFLICT", availability.reason, { fields: [{ field: "environment", message: availability.reason }] });

  const key = { resourceType: target.resourceType, versionId: target.versionId, environment: target.environment };
  const claimed = await ctx.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK})`;
    const existing = await tx.bedrockPublication.findUnique({ where: { resourceType_versionId_environment: key } });
    if (existing?.status === "PUBLISHED") return { publication: existing, done: true as const };
    const busy = await tx.bedrockPublication.findFirst({
      where: {
        resourceType: target.resourceType, resourceId: target.resourceId, environment: target.environment, status: "PENDING",
        versionId: { not: target.versionId }, updatedAt: { gt: new Date(Date.now() - IN_FLIGHT_MS) },
      },
      select: { versionNumber: true },
    });
    if (busy) throw new AppError("CONFLICT", `Version ${busy.versionNumber} of this ${target.resourceType} is being published to ${target.environment} right now. Try again in a moment.`);
    // The Bedrock resource this Strata resource already has in the environment: update it.
    const previous = existing?.bedrockId
      ? existing
      : await tx.bedrockPublication.findFirst({
          where: { resourceType: target.resourceType, resourceId: target.resourceId, environment: target.environment, bedrockId: { not: null } },
          orderBy: { updatedAt: "desc" },
        });
    const publication = existing
      ? await tx.bedrockPublication.update({ where: { id: existing.id }, data: { status: "PENDING", attempts: { increment: 1 }, publishedById: ctx.actor.id } })
      : await tx.bedrockPublication.create({
          data: {
            id: newId("pub"), ...key, resourceId: target.resourceId, versionNumber: target.versionNumber, status: "PENDING",
            clientToken: randomUUID(), attempts: 1, publishedById: ctx.actor.id,
          },
        });
    await recordAuditEvent(tx, ctx, {
      action, resourceType: target.resourceType, resourceId: target.resourceId,
      before: existing ? { status: existing.status, attempts: existing.attempts } : null,
      after: { phase: "started", versionNumber: target.versionNumber, environment: target.environment, attempt: publication.attempts },
    });
    return { publication, done: false as const, existingId: previous?.bedrockId ?? null };
  });
  if (claimed.done) {
    availability.close();
    return serializePublication(claimed.publication);
  }

  const id = claimed.publication.id;
  try {
    const result = await step(availability.aws, {
      clientToken: claimed.publication.clientToken,
      existingId: claimed.existingId,
      // Remembered at once: a retry after a later failure updates this resource, never a second one.
      onCreated: async (bedrockId, bedrockArn) => {
        await ctx.db.bedrockPublication.update({ where: { id }, data: { bedrockId, bedrockArn } });
      },
    });
    return await ctx.db.$transaction(async (tx) => {
      const saved = await tx.bedrockPublication.update({
        where: { id },
        data: { status: "PUBLISHED", bedrockId: result.id, bedrockArn: result.arn, bedrockVersion: result.version, error: null, publishedAt: new Date() },
      });
      await recordAuditEvent(tx, ctx, {
        action, resourceType: target.resourceType, resourceId: target.resourceId,
        after: { phase: "published", versionNumber: target.versionNumber, environment: target.environment, bedrockArn: result.arn, bedrockVersion: result.version, attempt: saved.attempts },
      });
      return serializePublication(saved);
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    const failure = toAwsFailure(error);
    await ctx.db.$transaction(async (tx) => {
      const saved = await tx.bedrockPublication.update({ where: { id }, data: { status: "FAILED", error: formatFailure(failure) } });
      await recordAuditEvent(tx, ctx, {
        action, resourceType: target.resourceType, resourceId: target.resourceId,
        after: { phase: "failed", versionNumber: target.versionNumber, environment: target.environment, kind: failure.kind, error: failure.name, message: failure.message, attempt: saved.attempts },
      });
    });
    throw awsAppError(`Publishing ${target.label} to ${target.environment} failed`, failure);
  } finally {
    availability.close();
  }
}
