import "server-only";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { UserActor } from "@/lib/permissions";
import { getEvaluationRunOrThrow } from "@/lib/evaluations/queries";

/** The run for a page, or Next's 404 page. */
export async function loadRunForPage(actor: UserActor, id: string) {
  try {
    return await getEvaluationRunOrThrow({ db: db(), actor }, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}
