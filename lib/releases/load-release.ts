import type { Tx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { RELEASE_STATUS_LABEL } from "./schemas";

const useCase = { select: { id: true, name: true, slug: true, teamId: true, riskTier: true, status: true } } as const;

/**
 * Reads a release inside a transaction with its row locked (SELECT … FOR UPDATE): concurrent
 * submits and reviews are applied one after the other, and the second sees the first.
 */
export async function lockReleaseOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Release" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Release");
  return tx.release.findUniqueOrThrow({ where: { id }, include: { useCase, prompts: { select: { role: true, promptVersionId: true }, orderBy: { role: "asc" } } } });
}

export type LockedRelease = Awaited<ReturnType<typeof lockReleaseOrThrow>>;

/** A submitted release is frozen (the database refuses changes too); say so before trying. */
export function assertDraft(release: { number: number; status: keyof typeof RELEASE_STATUS_LABEL }, doing: string) {
  if (release.status !== "DRAFT") {
    throw new AppError(
      "CONFLICT",
      `Release #${release.number} is ${RELEASE_STATUS_LABEL[release.status].toLowerCase()}: only a draft can be ${doing}. A submitted release never changes; start a new attempt instead.`,
    );
  }
}
