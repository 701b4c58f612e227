import type { Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/**
 * Reads a prompt inside a transaction with its row locked (SELECT … FOR UPDATE): concurrent
 * draft saves and version creations on one prompt run one after the other, each seeing the
 * last one's latestVersion. Returns the owning team, which is what prompt:edit is scoped by.
 */
export async function lockPromptOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Prompt" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("Prompt");
  const prompt = await tx.prompt.findUniqueOrThrow({ where: { id }, include: { useCase: { select: { teamId: true } } } });
  const { useCase, ...row } = prompt;
  return { row, teamId: useCase.teamId };
}
