"use server";

import { runAction } from "@/lib/actions/run-action";
import { createUser } from "@/lib/users/create-user";
import { updateUser } from "@/lib/users/update-user";
import { resetUserPassword } from "@/lib/users/reset-user-password";
import { unlockUser } from "@/lib/users/unlock-user";

// Thin transports: the services validate, authorise, refuse self-lockout and audit (without
// ever recording a password or its hash).
export async function createUserAction(input: unknown) {
  return runAction("user:manage", (ctx) => createUser(ctx, input));
}

export async function updateUserAction(id: string, input: unknown) {
  return runAction("user:manage", (ctx) => updateUser(ctx, String(id), input));
}

export async function resetUserPasswordAction(id: string, input: unknown) {
  return runAction("user:manage", (ctx) => resetUserPassword(ctx, String(id), input));
}

export async function unlockUserAction(id: string) {
  return runAction("user:manage", (ctx) => unlockUser(ctx, String(id)));
}
