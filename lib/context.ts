import { randomBytes } from "node:crypto";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/permissions";

/** What every service receives: the database, who is acting, and the request it serves. */
export type ServiceContext = {
  db: PrismaClient;
  actor: Actor;
  requestId: string;
};

export type Tx = Prisma.TransactionClient;

export function newRequestId(): string {
  return `req_${randomBytes(9).toString("base64url")}`;
}

/** Short, prefixed, URL-safe ids (`uc_…`, `team_…`) that say what they point at. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("base64url").replace(/[-_]/g, "x")}`;
}
