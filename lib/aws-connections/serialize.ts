import type { AwsConnection } from "@/lib/generated/prisma/client";
import type { ConnectionTestResult } from "@/lib/aws/connection-tester";

export function serializeAwsConnection(c: AwsConnection) {
  return {
    id: c.id,
    environment: c.environment,
    region: c.region,
    roleArn: c.roleArn,
    endpointOverride: c.endpointOverride,
    lastTestedAt: c.lastTestedAt?.toISOString() ?? null,
    lastTestResult: (c.lastTestResult ?? null) as ConnectionTestResult | null,
    updatedAt: c.updatedAt.toISOString(),
  };
}
export type AwsConnectionDto = ReturnType<typeof serializeAwsConnection>;

/** What the audit log keeps: the settings, never anything secret (there is nothing secret here). */
export const auditSnapshot = (c: Pick<AwsConnection, "environment" | "region" | "roleArn" | "endpointOverride">) => ({
  environment: c.environment,
  region: c.region,
  roleArn: c.roleArn,
  endpointOverride: c.endpointOverride,
});
