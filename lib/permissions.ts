import { AppError } from "@/lib/errors";

// The one permission list. Every page, route handler, server action and service checks against
// it on the server; the UI uses the same `can()` only to hide what a user cannot do.
export const ROLES = ["ADMIN", "PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"] as const;
export type RoleName = (typeof ROLES)[number];

export const ROLE_LABELS: Record<RoleName, string> = {
  ADMIN: "Admin",
  PRODUCT_OWNER: "Product owner",
  REVIEWER: "Governance reviewer",
  ENGINEER: "Engineer",
  VIEWER: "Viewer",
};

type Rule = {
  roles: readonly RoleName[];
  /** "team": the actor must belong to the resource's owning team. */
  scope: "global" | "team";
  /** Roles that hold a team-scoped permission for every team (e.g. admins publishing). */
  allTeamsRoles?: readonly RoleName[];
  /** API-token scopes that carry this permission (tokens are always team-scoped). */
  tokenScopes?: readonly TokenScope[];
};

export const TOKEN_SCOPES = [
  "use-cases:read",
  "use-cases:write",
  "prompts:read",
  "guardrails:read",
  "evaluations:write",
  "releases:read",
  "runtime:read",
] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

const ALL = ROLES;

export const PERMISSIONS = {
  "use-case:read": { roles: ALL, scope: "global", tokenScopes: ["use-cases:read", "use-cases:write"] },
  "use-case:create": { roles: ["PRODUCT_OWNER"], scope: "team", tokenScopes: ["use-cases:write"] },
  "use-case:update": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team", tokenScopes: ["use-cases:write"] },
  "use-case:submit": { roles: ["PRODUCT_OWNER"], scope: "team" },
  "use-case:review": { roles: ["REVIEWER"], scope: "global" },
  "use-case:operate": { roles: ["PRODUCT_OWNER"], scope: "team" },
  "prompt:read": { roles: ALL, scope: "global", tokenScopes: ["prompts:read"] },
  "prompt:edit": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  "prompt:run": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  "prompt:publish": { roles: ["ENGINEER", "ADMIN"], scope: "team", allTeamsRoles: ["ADMIN"] },
  "dataset:read": { roles: ALL, scope: "global" },
  "dataset:edit": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  "guardrail:read": { roles: ALL, scope: "global", tokenScopes: ["guardrails:read"] },
  "guardrail:edit": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  // Running the bench writes nothing: open to every team, like reads. The saved cases are the
  // owning team's regression suite: its members and governance reviewers keep them.
  "guardrail:test": { roles: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"], scope: "global" },
  "guardrail-test-case:manage": { roles: ["PRODUCT_OWNER", "ENGINEER", "REVIEWER"], scope: "team", allTeamsRoles: ["REVIEWER"] },
  "guardrail:publish": { roles: ["ENGINEER", "ADMIN"], scope: "team", allTeamsRoles: ["ADMIN"] },
  "evaluation:read": { roles: ALL, scope: "global", tokenScopes: ["evaluations:write", "releases:read"] },
  "evaluation:post": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team", tokenScopes: ["evaluations:write"] },
  // Gates are the bar a team is measured against: its product owner and governance set them,
  // not the engineers whose runs must pass them.
  "evaluation-gate:manage": { roles: ["PRODUCT_OWNER", "REVIEWER"], scope: "team", allTeamsRoles: ["REVIEWER"] },
  "release:read": { roles: ALL, scope: "global", tokenScopes: ["releases:read"] },
  "release:edit": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  "release:submit": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  "release:review": { roles: ["REVIEWER"], scope: "global" },
  "release:promote": { roles: ["PRODUCT_OWNER", "ENGINEER"], scope: "team" },
  // Production is the product owner's call (admins for any team), separate from dev/preprod.
  "release:promote-prod": { roles: ["PRODUCT_OWNER", "ADMIN"], scope: "team", allTeamsRoles: ["ADMIN"] },
  // Rolling back is an incident action: the team's on-call roles and admins, audited like a deploy.
  "release:rollback": { roles: ["PRODUCT_OWNER", "ENGINEER", "ADMIN"], scope: "team", allTeamsRoles: ["ADMIN"] },
  // Applications read their environment's configuration with a token of the owning team.
  "runtime:read": { roles: ALL, scope: "global", tokenScopes: ["runtime:read"] },
  "aws-connection:read": { roles: ["ADMIN", "ENGINEER"], scope: "global" },
  "aws-connection:manage": { roles: ["ADMIN"], scope: "global" },
  "audit:read": { roles: ["ADMIN", "REVIEWER"], scope: "global" },
  "audit:verify": { roles: ["ADMIN"], scope: "global" },
  "user:read": { roles: ["ADMIN"], scope: "global" },
  "user:manage": { roles: ["ADMIN"], scope: "global" },
  "team:manage": { roles: ["ADMIN"], scope: "global" },
  "api-token:manage": { roles: ["ADMIN"], scope: "global" },
  "webhook:manage": { roles: ["ADMIN"], scope: "global" },
  "settings:read": { roles: ["ADMIN"], scope: "global" },
} as const satisfies Record<string, Rule>;

export type Permission = keyof typeof PERMISSIONS;

export type UserActor = {
  kind: "user";
  id: string;
  name: string;
  email: string;
  role: RoleName;
  teamIds: string[];
};

export type TokenActor = {
  kind: "token";
  id: string;
  name: string;
  teamId: string;
  scopes: TokenScope[];
};

/** The seeding script and the start-up bootstrap act as the system. */
export type SystemActor = { kind: "system"; id: "system"; name: string };

export type Actor = UserActor | TokenActor | SystemActor;

export type Scoped = { teamId: string };

export function actorTeamIds(actor: Actor): string[] {
  if (actor.kind === "user") return actor.teamIds;
  if (actor.kind === "token") return [actor.teamId];
  return [];
}

/**
 * Whether the actor holds the permission. Without a resource, team-scoped permissions answer
 * "could, for one of the actor's teams" (used to show a button); with one, the team must match.
 */
export function can(actor: Actor, permission: Permission, resource?: Scoped): boolean {
  const rule: Rule = PERMISSIONS[permission];
  if (actor.kind === "system") return true;
  if (actor.kind === "token") {
    if (!rule.tokenScopes?.some((s) => actor.scopes.includes(s))) return false;
    return resource ? resource.teamId === actor.teamId : true;
  }
  if (!rule.roles.includes(actor.role)) return false;
  if (rule.scope === "team" && !rule.allTeamsRoles?.includes(actor.role)) {
    return resource ? actor.teamIds.includes(resource.teamId) : actor.teamIds.length > 0;
  }
  return true;
}

export function authorize(actor: Actor, permission: Permission, resource?: Scoped): void {
  if (!can(actor, permission, resource)) {
    throw new AppError(
      "FORBIDDEN",
      resource && PERMISSIONS[permission].scope === "team" && can(actor, permission)
        ? "This belongs to a team you are not a member of"
        : `You do not have the ${permission} permission`,
    );
  }
}

export function actorRoleLabel(actor: Actor): string {
  if (actor.kind === "user") return actor.role;
  if (actor.kind === "token") return "API_TOKEN";
  return "SYSTEM";
}
