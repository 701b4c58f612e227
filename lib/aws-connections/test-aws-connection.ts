import { awsFor } from "@/lib/aws/for-connection";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { ServiceContext } from "@/lib/context";
import { notFound, parseInput } from "@/lib/errors";
import { authorize } from "@/lib/permissions";
import { connectionConfigFor } from "./queries";
import { environmentSchema } from "./schemas";
import { serializeAwsConnection } from "./serialize";

/**
 * Probes each capability through the connection (outside any transaction: AWS can be slow),
 * then stores the result and audits the test. AWS failures are results, not errors.
 */
export async function testAwsConnection(ctx: ServiceContext, environment: unknown) {
  authorize(ctx.actor, "aws-connection:manage");
  const env = parseInput(environmentSchema, environment);
  const config = await connectionConfigFor(ctx.db, env);
  const availability = awsFor(env, config);
  if (!availability.available || !config) throw notFound(`The ${env} AWS connection`);
  let result;
  try {
    result = await availability.aws.connectionTester.test();
  } finally {
    availability.close();
  }
  return ctx.db.$transaction(async (tx) => {
    const current = await tx.awsConnection.findUnique({ where: { environment: env } });
    if (!current) throw notFound(`The ${env} AWS connection`);
    // The settings changed while the test ran: the result describes settings that are gone.
    const stale = current.region !== config.region || current.roleArn !== config.roleArn || current.endpointOverride !== config.endpointOverride;
    const saved = stale
      ? current
      : await tx.awsConnection.update({ where: { environment: env }, data: { lastTestedAt: new Date(result.testedAt), lastTestResult: result as never } });
    await recordAuditEvent(tx, ctx, {
      action: "aws-connection.test",
      resourceType: "aws-connection",
      resourceId: env,
      after: { ok: result.ok, capabilities: result.capabilities.map((c) => (c.ok ? { key: c.key, ok: true } : { key: c.key, ok: false, kind: c.kind, errorName: c.errorName })), stale },
    });
    return { connection: serializeAwsConnection(saved), result };
  });
}
