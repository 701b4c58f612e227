import { z } from "zod";
import { environmentSchema } from "@/lib/aws-connections/schemas";

export const RESOURCE_TYPES = ["prompt", "guardrail"] as const;
export type PublishResourceType = (typeof RESOURCE_TYPES)[number];

export const publishSchema = z.object({ versionId: z.string("is required").min(1, "is required").max(100), environment: environmentSchema }).strict();
export type PublishInput = z.input<typeof publishSchema>;

/**
 * Bedrock names are account-wide, Strata's are per use case: prefix the use case's slug and keep
 * to Bedrock's pattern. A short id suffix keeps truncated names distinct.
 */
export function bedrockName(useCaseSlug: string, name: string, resourceId: string, maxLength: number): string {
  const clean = (s: string) => s.replace(/[^0-9a-zA-Z]+/g, "-").replace(/^-+|-+$/g, "");
  const suffix = resourceId.replace(/[^0-9a-zA-Z]/g, "").slice(-6);
  const base = clean(`${useCaseSlug}-${name}`).slice(0, maxLength - suffix.length - 1).replace(/-+$/g, "");
  return `${base}-${suffix}`;
}
