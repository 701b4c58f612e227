import type { PrismaClient } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import type { TokenActor } from "@/lib/permissions";
import { API_TOKEN_PATTERN, hashApiToken, isTokenScope } from "./token";

const BEARER = /^Bearer[ \t]+(\S+)$/i;

/** lastUsedAt answers "is this token still in use?": minute precision is plenty, and it keeps
 * a CI job making hundreds of calls from turning every read into a write. */
export const LAST_USED_PRECISION_MS = 60_000;

type TokenRow = { id: string; name: string; teamId: string; permissions: string[]; lastUsedAt: Date | null; revokedAt: Date | null };

const unknownToken = () => new AppError("UNAUTHENTICATED", "Unknown or revoked API token");

/** Turns an `Authorization` header value into the token's actor, or throws UNAUTHENTICATED. */
export async function authenticateApiToken(db: PrismaClient, authorization: string | null | undefined, now = new Date()): Promise<TokenActor> {
  const match = BEARER.exec(authorization?.trim() ?? "");
  if (!match) throw new AppError("UNAUTHENTICATED", "Missing API token: send the header Authorization: Bearer <token>");
  const token = match[1]!;
  // Not shaped like a token: answer like an unknown one without a database round trip.
  if (!API_TOKEN_PATTERN.test(token)) throw unknownToken();

  // Looked up by hash, so no secret comparison happens in code and timing reveals nothing.
  // Raw SQL, not findUnique: this runs on every API request, and Prisma's query building cost
  // more CPU than the lookup itself (bench/runtime-config.ts).
  const [row] = await db.$queryRaw<TokenRow[]>`
    SELECT id, name, "teamId", permissions, "lastUsedAt", "revokedAt" FROM "ApiToken" WHERE "tokenHash" = ${hashApiToken(token)}`;
  if (!row || row.revokedAt) throw unknownToken();

  const stale = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  if (!row.lastUsedAt || row.lastUsedAt <= stale) {
    // Conditional, so a burst of concurrent requests writes once. Bookkeeping, not a change
    // anyone made: deliberately not an audit event.
    await db.apiToken.updateMany({
      where: { id: row.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: stale } }] },
      data: { lastUsedAt: now },
    });
  }
  // A scope dropped from TOKEN_SCOPES must stop granting anything, even on old tokens.
  return { kind: "token", id: row.id, name: row.name, teamId: row.teamId, scopes: row.permissions.filter(isTokenScope) };
}
