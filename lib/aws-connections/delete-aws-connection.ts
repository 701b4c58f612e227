import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { ServiceContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { environmentSchema } from "./schemas";
import { auditSnapshot } from "./serialize";

/** Removes an environment's connection. Past publications keep their Bedrock ids. */
export async function deleteAwsConnection(ctx: ServiceContext, environment: unknown) {
  authorize(ctx.actor, "aws-connection:manage");
  const env = parseInput(environmentSchema, environment);
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.awsConnection.findUnique({ where: { environment: env } });
    if (!before) throw notFound(`The ${env} AWS connection`);
    await tx.awsConnection.delete({ where: { environment: env } });
    await recordAuditEvent(tx, ctx, { action: "aws-connection.delete", resourceType: "aws-connection", resourceId: env, before: auditSnapshot(before), after: null });
    return { environment: env };
  });
}
