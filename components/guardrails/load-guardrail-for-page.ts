import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserActor } from "@/lib/permissions";
import { getGuardrailOrThrow } from "@/lib/guardrails/queries";

/** The guardrail for a page, or Next's 404 page. */
export async function loadGuardrailForPage(actor: UserActor, id: string) {
  try {
    return await getGuardrailOrThrow({ db: db(), actor }, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
