import type { Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/**
 * Reads a dataset inside a transaction with its row locked (SELECT … FOR UPDATE): imports and
 * version creations on one dataset run one after the other, each seeing the last one's draft
 * and latestVersion. Returns the owning team, which dataset:edit is scoped by.
 */
export async function lockDatasetOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Dataset" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Dataset");
  const dataset = await tx.dataset.findUniqueOrThrow({ where: { id }, include: { useCase: { select: { teamId: true } } } });
  const { useCase, ...row } = dataset;
  return { row, teamId: useCase.teamId };
}
