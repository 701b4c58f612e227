import { createHash, randomBytes } from "node:crypto";
import type { ApiToken } from "@/lib/generated/prisma/client";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/permissions";

// `strata_<prefix>_<secret>`: the prefix is stored in clear so an admin can tell tokens apart
// (and secret scanners can match the shape); the secret is 256 random bits.
export const API_TOKEN_PATTERN = /^strata_([A-Za-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export function generateApiToken(): { token: string; prefix: string } {
  const prefix = randomBytes(6).toString("base64url").replace(/[-_]/g, "x");
  const secret = randomBytes(32).toString("base64url");
  return { token: `strata_${prefix}_${secret}`, prefix };
}

/**
 * A plain SHA-256 is enough here (no salt, no slow hash): the secret is random with 256 bits of
 * entropy, so there is nothing to brute-force, and lookup by hash needs a deterministic value.
 */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function isTokenScope(value: string): value is TokenScope {
  return (TOKEN_SCOPES as readonly string[]).includes(value);
}

type TokenRow = Pick<ApiToken, "id" | "teamId" | "name" | "prefix" | "permissions" | "createdById" | "createdAt" | "lastUsedAt" | "revokedAt">;

/** The public shape of a token (API, audit, admin list): never the hash or the secret. */
export function serializeApiToken(t: TokenRow) {
  return {
    id: t.id,
    teamId: t.teamId,
    name: t.name,
    prefix: t.prefix,
    permissions: t.permissions,
    createdById: t.createdById,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

export type ApiTokenDto = ReturnType<typeof serializeApiToken>;

/** Every column except tokenHash: pass as `select` so the hash never leaves the database layer. */
export const API_TOKEN_PUBLIC_SELECT = {
  id: true,
  teamId: true,
  name: true,
  prefix: true,
  permissions: true,
  createdById: true,
  createdAt: true,
  lastUsedAt: true,
  revokedAt: true,
} as const;
