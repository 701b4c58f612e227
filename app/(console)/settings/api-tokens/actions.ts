"use server";

import { runAction } from "@/lib/actions/run-action";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { revokeApiToken } from "@/lib/api-tokens/revoke-api-token";

// Thin transports: the services validate, authorise and audit. The plaintext token returned by
// createApiTokenAction travels to the browser this once and is never stored anywhere.
export async function createApiTokenAction(input: unknown) {
  return runAction("api-token:manage", (ctx) => createApiToken(ctx, input));
}

export async function revokeApiTokenAction(id: string) {
  return runAction("api-token:manage", (ctx) => revokeApiToken(ctx, String(id)));
}
