import { z } from "zod";
import { AWS_ENVIRONMENTS, ENVIRONMENT_LABELS, environmentSchema, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";

// Shared by the promotion/rollback dialogs and the services.
export { AWS_ENVIRONMENTS, ENVIRONMENT_LABELS, environmentSchema, type AwsEnvironmentName };

/** dev → preprod → prod: a release enters an environment only after the one before it. */
export const STAGE_ORDER: readonly AwsEnvironmentName[] = AWS_ENVIRONMENTS;

export function previousStage(environment: AwsEnvironmentName): AwsEnvironmentName | null {
  const i = STAGE_ORDER.indexOf(environment);
  return i > 0 ? STAGE_ORDER[i - 1]! : null;
}

export function nextStage(environment: AwsEnvironmentName | null): AwsEnvironmentName | null {
  if (environment === null) return STAGE_ORDER[0]!;
  return STAGE_ORDER[STAGE_ORDER.indexOf(environment) + 1] ?? null;
}

/** Production is its own permission; dev and preprod share one. */
export const promotePermission = (environment: AwsEnvironmentName) => (environment === "PROD" ? "release:promote-prod" : "release:promote") as "release:promote" | "release:promote-prod";

const comment = z.string("must be text").trim().max(1000, "must be at most 1000 characters");

export const promoteReleaseSchema = z
  .object({
    environment: environmentSchema,
    publishMissing: z.boolean("must be true or false").default(false),
    comment: comment.default(""),
  })
  .strict();
export type PromoteReleaseInput = z.input<typeof promoteReleaseSchema>;

export const rollbackEnvironmentSchema = z
  .object({ comment: comment.min(1, "is required: say why you roll back") })
  .strict();
export type RollbackEnvironmentInput = z.input<typeof rollbackEnvironmentSchema>;

export const rollbackTargetSchema = z.object({ useCaseId: z.string("is required").min(1, "is required").max(100, "must be at most 100 characters"), environment: environmentSchema });

/** URLs and the runtime API say `prod`; the database says `PROD`. Case-insensitive. */
export const environmentParamSchema = z
  .string("is required: dev, preprod or prod")
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.enum(AWS_ENVIRONMENTS, "must be dev, preprod or prod"));

export const envSlug = (environment: AwsEnvironmentName) => environment.toLowerCase();

export const listDeploymentsSchema = z.object({
  useCaseId: z.string().min(1).max(100).optional(),
  page: z.coerce.number("must be a number").int().min(1, "must be at least 1").default(1),
});
