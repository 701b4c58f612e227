import "server-only";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { getDatabase } from "@/lib/db/registry";

export { getDatabase };

export function db(): PrismaClient {
  return getDatabase().prisma;
}
