import type { BedrockPublication } from "@/lib/generated/prisma/client";
import { parseStoredFailure } from "@/lib/aws/errors";

export function serializePublication(p: BedrockPublication) {
  return {
    id: p.id,
    resourceType: p.resourceType,
    resourceId: p.resourceId,
    versionId: p.versionId,
    versionNumber: p.versionNumber,
    environment: p.environment,
    status: p.status,
    bedrockId: p.bedrockId,
    bedrockArn: p.bedrockArn,
    bedrockVersion: p.bedrockVersion,
    error: p.status === "FAILED" ? parseStoredFailure(p.error) : null,
    attempts: p.attempts,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    updatedAt: p.updatedAt.toISOString(),
  };
}
export type PublicationDto = ReturnType<typeof serializePublication>;
