"use server";

import { runAction } from "@/lib/actions/run-action";
import { createTeam } from "@/lib/teams/create-team";
import { updateTeam } from "@/lib/teams/update-team";

// Thin transports: the services validate, authorise and audit.
export async function createTeamAction(input: unknown) {
  return runAction("team:manage", (ctx) => createTeam(ctx, input));
}

export async function updateTeamAction(id: string, input: unknown) {
  return runAction("team:manage", (ctx) => updateTeam(ctx, String(id), input));
}
