import type { PrismaClient } from "@/lib/generated/prisma/client";
import { eventHash, GENESIS_HASH } from "./hash";

export type ChainProblem = {
  seq: string;
  kind: "edited" | "deleted" | "reordered";
  message: string;
};

export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; problem: ChainProblem };

const BATCH = 1000;

/**
 * Walks the audit log in order and reports the first event that was edited (its content no
 * longer matches its hash), deleted (an event points at a predecessor that no longer exists) or
 * reordered (it points at an event that exists but is not the one before it).
 */
export async function verifyAuditChain(db: PrismaClient): Promise<ChainReport> {
  const index = new Map<string, bigint>();
  for (const row of await db.auditEvent.findMany({ select: { seq: true, hash: true } })) index.set(row.hash, row.seq);

  let expectedPrev = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  for (;;) {
    const batch = await db.auditEvent.findMany({
      where: cursor === undefined ? {} : { seq: { gt: cursor } },
      orderBy: { seq: "asc" },
      take: BATCH,
    });
    if (batch.length === 0) return { ok: true, checked };
    for (const event of batch) {
      const seq = event.seq.toString();
      if (eventHash(event) !== event.hash) {
        return { ok: false, checked, problem: { seq, kind: "edited", message: `Event #${seq} was edited after it was written: its content no longer matches its hash.` } };
      }
      if (event.prevHash !== expectedPrev) {
        const pointsAt = index.get(event.prevHash);
        const problem: ChainProblem =
          pointsAt === undefined
            ? { seq, kind: "deleted", message: `The event before #${seq} was deleted: #${seq} points at an event that no longer exists.` }
            : { seq, kind: "reordered", message: `Event #${seq} is out of order: it follows event #${pointsAt}, not the event stored before it.` };
        return { ok: false, checked, problem };
      }
      expectedPrev = event.hash;
      checked++;
    }
    cursor = batch[batch.length - 1]!.seq;
  }
}
