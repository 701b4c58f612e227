import type { Tx } from "@/lib/context";
import { AppError, notFound } from "@/lib/errors";
import { USER_PUBLIC_SELECT } from "./serialize";

/** Reads a user inside a transaction with the row locked, so concurrent admin edits apply one after the other. */
export async function lockUserOrThrow(tx: Tx, id: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "User" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw notFound("User");
  return tx.user.findUniqueOrThrow({ where: { id }, select: USER_PUBLIC_SELECT });
}

/** Every id must name an existing team; a typo must not silently drop a membership. */
export async function assertTeamsExist(tx: Tx, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const found = await tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true } });
  const known = new Set(found.map((t) => t.id));
  const unknown = teamIds.filter((id) => !known.has(id));
  if (unknown.length) {
    const message = `no such team: ${unknown.join(", ")}`;
    throw new AppError("VALIDATION_FAILED", `teamIds: ${message}`, { fields: [{ field: "teamIds", message }] });
  }
}
