import { Badge, type BadgeTone } from "@/components/ui/badge";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/permissions";

// Shared by the create form (explanations) and the table (badges). Deliberately not a client
// module, so server components get the values rather than client references.
export const TOKEN_SCOPE_INFO: Record<TokenScope, { description: string; tone: BadgeTone }> = {
  "use-cases:read": {
    description: "List and read the use-case registry, e.g. an application reading its configuration.",
    tone: "blue",
  },
  "use-cases:write": {
    description: "Register and update this team's use cases, e.g. CI posting evaluation results. Includes read.",
    tone: "amber",
  },
  "prompts:read": {
    description: "Read this team's prompt templates and versions, and render them with variables.",
    tone: "indigo",
  },
  "guardrails:read": {
    description: "Read this team's guardrail configurations and versions.",
    tone: "violet",
  },
  "evaluations:write": {
    description: "Post evaluation runs from CI for this team's use cases, and read them and their gate verdicts.",
    tone: "amber",
  },
  "releases:read": {
    description: "Read this team's evaluation runs and their gate verdicts (GET /api/v1/evaluation-runs/{id}), e.g. for a dashboard. No writes.",
    tone: "blue",
  },
  "runtime:read": {
    description: "Fetch the deployed configuration of this team's use cases per environment — what applications use.",
    tone: "green",
  },
};

const isKnownScope = (scope: string): scope is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(scope);

/** A token's permissions as badges; a scope no longer in TOKEN_SCOPES grants nothing and says so. */
export function ApiTokenScopeBadges({ permissions }: { permissions: string[] }) {
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Permissions">
      {permissions.map((scope) => (
        <li key={scope}>
          {isKnownScope(scope) ? (
            <Badge tone={TOKEN_SCOPE_INFO[scope].tone} className="font-mono">{scope}</Badge>
          ) : (
            <span title="No longer a valid permission: grants nothing">
              <Badge tone="gray" className="font-mono line-through">{scope}</Badge>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
