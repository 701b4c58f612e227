import type { RoleName } from "@/lib/permissions";

const RANK: RoleName[] = ["ADMIN", "REVIEWER", "PRODUCT_OWNER", "ENGINEER", "VIEWER"];

/** Parses OIDC_ROLE_MAP ("strata-admins=ADMIN,risk=REVIEWER"). */
export function parseRoleMap(value: string | undefined): Map<string, RoleName> {
  const map = new Map<string, RoleName>();
  for (const pair of (value ?? "").split(",")) {
    const [group, role] = pair.split("=").map((s) => s.trim());
    if (group && role) map.set(group, role as RoleName);
  }
  return map;
}

/**
 * The role a single-sign-on user gets from the configured claim. With several matching groups
 * the most privileged wins; with none, the default role (or no access when there is none).
 */
export function roleFromClaims(claims: Record<string, unknown>, claim: string, map: Map<string, RoleName>, fallback?: RoleName): RoleName | undefined {
  const raw = claims[claim];
  const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? raw.split(/[,\s]+/) : [];
  const roles = groups.map((g) => map.get(g)).filter((r): r is RoleName => Boolean(r));
  return RANK.find((r) => roles.includes(r)) ?? fallback;
}
