"use server";

import { runAction } from "@/lib/actions/run-action";
import { createUseCase } from "@/lib/use-cases/create-use-case";
import { updateUseCase } from "@/lib/use-cases/update-use-case";
import { submitUseCase } from "@/lib/use-cases/submit-use-case";
import { reviewUseCase } from "@/lib/use-cases/review-use-case";
import { operateUseCase, type OperateTransition } from "@/lib/use-cases/operate-use-case";

// Thin transports: the services validate, authorise against the owning team and audit.
export async function createUseCaseAction(input: unknown) {
  return runAction("use-case:create", (ctx) => createUseCase(ctx, input));
}

export async function updateUseCaseAction(id: string, input: unknown) {
  return runAction("use-case:update", (ctx) => updateUseCase(ctx, String(id), input));
}

export async function submitUseCaseAction(id: string) {
  return runAction("use-case:submit", (ctx) => submitUseCase(ctx, String(id)));
}

export async function reviewUseCaseAction(id: string, input: unknown) {
  return runAction("use-case:review", (ctx) => reviewUseCase(ctx, String(id), input));
}

export async function operateUseCaseAction(id: string, transition: OperateTransition) {
  return runAction("use-case:operate", (ctx) => operateUseCase(ctx, String(id), transition));
}
