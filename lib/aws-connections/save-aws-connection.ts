import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { Prisma } from "@/lib/generated/prisma/client";
import { newId, type ServiceContext } from "@/lib/context";
import { parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { saveAwsConnectionSchema } from "./schemas";
import { auditSnapshot, serializeAwsConnection } from "./serialize";

/**
 * Creates or replaces the connection of one environment. Only where to reach AWS and which role
 * to assume are stored: credentials come from the server's standard AWS provider chain.
 * Changing the settings clears the last test result, which described the old settings.
 */
export async function saveAwsConnection(ctx: ServiceContext, input: unknown) {
  authorize(ctx.actor, "aws-connection:manage");
  const data = parseInput(saveAwsConnectionSchema, input);
  const actorId = ctx.actor.id;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.awsConnection.findUnique({ where: { environment: data.environment } });
    const changed = !before || before.region !== data.region || before.roleArn !== data.roleArn || before.endpointOverride !== data.endpointOverride;
    const fields = { region: data.region, roleArn: data.roleArn, endpointOverride: data.endpointOverride, updatedById: actorId };
    const saved = before
      ? await tx.awsConnection.update({
          where: { environment: data.environment },
          data: { ...fields, ...(changed ? { lastTestedAt: null, lastTestResult: Prisma.DbNull } : {}) },
        })
      : await tx.awsConnection.create({ data: { id: newId("awsc"), environment: data.environment, ...fields } });
    await recordAuditEvent(tx, ctx, {
      action: "aws-connection.save",
      resourceType: "aws-connection",
      resourceId: saved.environment,
      before: before ? auditSnapshot(before) : null,
      after: auditSnapshot(saved),
    });
    return serializeAwsConnection(saved);
  });
}
