import type { Prompt, PromptVersion } from "@/lib/generated/prisma/client";
import type { PromptContent } from "./schemas";

/** The public shape of a prompt (API, pages, audit before/after): dates as strings. */
export function serializePrompt(p: Prompt) {
  return {
    id: p.id,
    useCaseId: p.useCaseId,
    name: p.name,
    description: p.description,
    type: p.type,
    draft: p.draft as PromptContent,
    draftUpdatedAt: p.draftUpdatedAt.toISOString(),
    draftUpdatedById: p.draftUpdatedById,
    latestVersion: p.latestVersion,
    createdById: p.createdById,
    createdAt: p.createdAt.toISOString(),
  };
}

export type PromptDto = ReturnType<typeof serializePrompt>;

export function serializeVersion(v: PromptVersion) {
  return {
    id: v.id,
    promptId: v.promptId,
    number: v.number,
    message: v.message,
    content: v.content as PromptContent,
    createdById: v.createdById,
    createdAt: v.createdAt.toISOString(),
  };
}

export type PromptVersionDto = ReturnType<typeof serializeVersion>;
