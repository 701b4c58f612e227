import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/errors";
import { likeLiteral } from "@/lib/db/like-literal";
import { authorize, type Actor } from "@/lib/permissions";
import { auditFilterSchema, type AuditFilter, type AuditFilterInput } from "./schemas";

type Reader = { db: PrismaClient; actor: Actor };

const DAY_MS = 86_400_000;


/** The `where` for a parsed filter; shared by the list and the export so both match the same rows. */
export function auditEventWhere(f: Omit<AuditFilter, "page" | "pageSize">): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.actor) and.push({ actorLabel: { contains: likeLiteral(f.actor), mode: "insensitive" } });
  if (f.resourceType) and.push({ resourceType: f.resourceType });
  if (f.resourceId) and.push({ resourceId: f.resourceId });
  if (f.action) {
    if (f.action.endsWith("*")) {
      and.push({ action: { startsWith: likeLiteral(f.action.slice(0, -1)) } });
    } else {
      // "use-case" is a namespace as well as a possible action name: match both, but not "use-cases.x".
      const namespace = f.action.endsWith(".") ? f.action : `${f.action}.`;
      and.push({ OR: [{ action: f.action }, { action: { startsWith: likeLiteral(namespace) } }] });
    }
  }
  // Whole UTC days: `to` includes every instant of that day, up to midnight of the next.
  if (f.from) and.push({ at: { gte: new Date(`${f.from}T00:00:00.000Z`) } });
  if (f.to) and.push({ at: { lt: new Date(new Date(`${f.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  return and.length ? { AND: and } : {};
}

export const auditEventSelect = {
  seq: true,
  at: true,
  actorId: true,
  actorLabel: true,
  actorRole: true,
  action: true,
  resourceType: true,
  resourceId: true,
  requestId: true,
  before: true,
  after: true,
  prevHash: true,
  hash: true,
} as const satisfies Prisma.AuditEventSelect;

type AuditEventRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/** Plain JSON for the browser and the export: seq as a string (it is a bigint), time as ISO-8601. */
export function serializeAuditEvent(e: AuditEventRow) {
  return {
    seq: e.seq.toString(),
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    actorRole: e.actorRole,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    requestId: e.requestId,
    before: e.before,
    after: e.after,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

export type AuditEventDto = ReturnType<typeof serializeAuditEvent>;

/** One page of the audit log, newest first (chain order, which `at` alone cannot break ties in). */
export async function listAuditEvents({ db, actor }: Reader, input: AuditFilterInput | Record<string, unknown>) {
  authorize(actor, "audit:read");
  const f = parseInput(auditFilterSchema, input);
  const where = auditEventWhere(f);
  const [total, rows] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ where, orderBy: { seq: "desc" }, skip: (f.page - 1) * f.pageSize, take: f.pageSize, select: auditEventSelect }),
  ]);
  return {
    items: rows.map(serializeAuditEvent),
    page: f.page,
    pageSize: f.pageSize,
    total,
    pageCount: Math.max(1, Math.ceil(total / f.pageSize)),
  };
}

// Enough for any dropdown; the free-text filters still reach anything beyond it.
const OPTION_LIMIT = 500;

/** The resource types and actions that occur in the log, for the filter dropdowns. */
export async function getAuditFilterOptions({ db, actor }: Reader) {
  authorize(actor, "audit:read");
  // groupBy is a SQL GROUP BY on the indexed columns; findMany({ distinct }) would read every row.
  const [types, actions] = await Promise.all([
    db.auditEvent.groupBy({ by: ["resourceType"], orderBy: { resourceType: "asc" }, take: OPTION_LIMIT }),
    db.auditEvent.groupBy({ by: ["action"], orderBy: { action: "asc" }, take: OPTION_LIMIT }),
  ]);
  return { resourceTypes: types.map((t) => t.resourceType), actions: actions.map((a) => a.action) };
}
