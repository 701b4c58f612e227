"use server";

import { runAction } from "@/lib/actions/run-action";
import { applyGuardrailRemote } from "@/lib/playground/apply-guardrail-remote";
import { playgroundSetup, remoteBenchSetup } from "@/lib/playground/queries";
import { runPrompt } from "@/lib/playground/run-prompt";

// Thin transports: the services validate and authorise (prompt:run against the owning team).
export async function runPromptAction(input: unknown) {
  return runAction("prompt:run", (ctx) => runPrompt(ctx, input));
}

export async function playgroundSetupAction(promptId: string, version: number | "draft") {
  return runAction("prompt:read", (ctx) => playgroundSetup(ctx, String(promptId), version === "draft" ? "draft" : Number(version)));
}

export async function applyGuardrailRemoteAction(input: unknown) {
  return runAction("guardrail:test", (ctx) => applyGuardrailRemote(ctx, input));
}

export async function remoteBenchSetupAction(guardrailId: string, versionNumber: number) {
  return runAction("guardrail:test", (ctx) => remoteBenchSetup(ctx, String(guardrailId), Number(versionNumber)));
}
