import type { ServiceContext } from "@/lib/context";
import { AppError } from "@/lib/errors";
import { can, type Permission } from "@/lib/permissions";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { publishPromptVersion } from "@/lib/publishing/publish-prompt-version";
import { publishGuardrailVersion } from "@/lib/publishing/publish-guardrail-version";
import type { PinnedVersion } from "./publications";

/**
 * "Publish missing versions first": publishes through the publishing services (their own
 * permission check, audit, AWS error mapping and client-token retries), one at a time and
 * outside any deployment transaction, since each calls AWS. Checked up front, so an actor who
 * cannot publish all of them publishes none.
 */
export async function publishMissingVersions(ctx: ServiceContext, teamId: string, missing: PinnedVersion[], environment: AwsEnvironmentName) {
  const needed = [...new Set(missing.map((m): Permission => (m.resourceType === "prompt" ? "prompt:publish" : "guardrail:publish")))];
  const lacking = needed.filter((p) => !can(ctx.actor, p, { teamId }));
  if (lacking.length) {
    throw new AppError(
      "FORBIDDEN",
      `Publishing the missing versions needs the ${lacking.join(" and ")} permission, which you do not have. Ask an engineer of the team to publish ${missing.map((m) => m.label).join(", ")} to ${environment} first.`,
    );
  }
  for (const m of missing) {
    const publish = m.resourceType === "prompt" ? publishPromptVersion : publishGuardrailVersion;
    await publish(ctx, { versionId: m.versionId, environment });
  }
}
