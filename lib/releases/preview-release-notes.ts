import { parseInput } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { loadProductionBundle, resolvePinsOrThrow } from "./bundle";
import { releaseUseCaseOrThrow } from "./create-release";
import { draftReleaseNotes } from "./draft-release-notes";
import { createReleaseSchema } from "./schemas";

/** The notes Strata would draft for a bundle being edited in the form (nothing is written). */
export async function previewReleaseNotes(ctx: ServiceContext, input: unknown) {
  const { useCaseId, ...bundle } = parseInput(createReleaseSchema, input);
  const useCase = await releaseUseCaseOrThrow(ctx, useCaseId);
  const resolved = await resolvePinsOrThrow(ctx.db, useCase.id, bundle);
  const production = await loadProductionBundle(ctx.db, useCase.id);
  return { notes: draftReleaseNotes(useCase.name, resolved, production), productionReleaseNumber: production?.number ?? null };
}
