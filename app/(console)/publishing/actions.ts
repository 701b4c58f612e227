"use server";

import { runAction } from "@/lib/actions/run-action";
import { publishGuardrailVersion } from "@/lib/publishing/publish-guardrail-version";
import { publishPromptVersion } from "@/lib/publishing/publish-prompt-version";
import { listVersionPublications } from "@/lib/publishing/queries";

// Thin transports: the services validate, authorise against the owning team and audit.
export async function publishPromptVersionAction(input: unknown) {
  return runAction("prompt:publish", (ctx) => publishPromptVersion(ctx, input));
}

export async function publishGuardrailVersionAction(input: unknown) {
  return runAction("guardrail:publish", (ctx) => publishGuardrailVersion(ctx, input));
}

export async function listPromptPublicationsAction(versionId: string) {
  return runAction("prompt:read", (ctx) => listVersionPublications(ctx, "prompt", String(versionId)));
}

export async function listGuardrailPublicationsAction(versionId: string) {
  return runAction("guardrail:read", (ctx) => listVersionPublications(ctx, "guardrail", String(versionId)));
}
