import type { Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/**
 * Reads a use case inside a transaction with its row locked (SELECT … FOR UPDATE), so that two
 * concurrent state changes are applied one after the other and the second sees the first.
 */
export async function lockUseCaseOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "UseCase" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Use case");
  return tx.useCase.findUniqueOrThrow({ where: { id } });
}
