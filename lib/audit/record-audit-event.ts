import type { ServiceContext, Tx } from "@/lib/context";
import { actorRoleLabel } from "@/lib/permissions";
import type { AuditAction } from "./action-labels";
import { eventHash, GENESIS_HASH } from "./hash";

// Held for the rest of the writing transaction: appends to the chain happen one at a time, so
// concurrent mutations still produce one linear chain.
const AUDIT_CHAIN_LOCK = 4_242_001;

export type AuditInput = {
  /** One of the labelled actions (./action-labels.ts): a new action needs its label first. */
  action: AuditAction;
  resourceType: string;
  resourceId: string;
  before?: unknown;
  after?: unknown;
};

/** Plain JSON (dates as ISO strings), exactly what jsonb will hand back when verifying. */
function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/**
 * Appends one event to the hash chain. Must be called with the transaction that makes the
 * change: if this write fails, the change is rolled back with it.
 */
export async function recordAuditEvent(tx: Tx, ctx: Pick<ServiceContext, "actor" | "requestId">, input: AuditInput) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const { actor } = ctx;
  const fields = {
    at: new Date(),
    actorId: actor.kind === "system" ? null : actor.id,
    actorLabel: actor.kind === "user" ? `${actor.name} <${actor.email}>` : actor.kind === "token" ? `API token ${actor.name}` : actor.name,
    actorRole: actorRoleLabel(actor),
    action: input.action,
    resourceType: input.resourceType,
    resourceId: input.resourceId,
    before: toJson(input.before),
    after: toJson(input.after),
    requestId: ctx.requestId,
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = eventHash(fields);
  await tx.auditEvent.create({
    data: { ...fields, before: fields.before ?? undefined, after: fields.after ?? undefined, hash } as never,
  });
  return hash;
}
