"use server";

import { runAction } from "@/lib/actions/run-action";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";

// Thin transports: the services validate, authorise against the use case's team and audit.
export async function createPromptAction(input: unknown) {
  return runAction("prompt:edit", (ctx) => createPrompt(ctx, input));
}

export async function updatePromptDraftAction(id: string, input: unknown) {
  return runAction("prompt:edit", (ctx) => updatePromptDraft(ctx, String(id), input));
}

export async function createPromptVersionAction(id: string, input: unknown) {
  return runAction("prompt:edit", (ctx) => createPromptVersion(ctx, String(id), input));
}
