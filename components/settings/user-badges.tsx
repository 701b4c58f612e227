import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ROLE_LABELS, type RoleName } from "@/lib/permissions";

const ROLE_TONE: Record<RoleName, BadgeTone> = {
  ADMIN: "violet",
  PRODUCT_OWNER: "indigo",
  REVIEWER: "blue",
  ENGINEER: "green",
  VIEWER: "gray",
};

export function RoleBadge({ role }: { role: string }) {
  return <Badge tone={ROLE_TONE[role as RoleName] ?? "gray"}>{ROLE_LABELS[role as RoleName] ?? role}</Badge>;
}

type State = { isActive: boolean; isThrottled: boolean; isSso: boolean };

/** What an admin must notice about an account: inactive, sign-ins throttled, or single sign-on only. */
export function UserStateBadges({ user }: { user: State }) {
  return (
    <span className="flex flex-wrap gap-1.5">
      {user.isActive ? null : <Badge tone="gray">Inactive</Badge>}
      {user.isThrottled ? <Badge tone="amber">Throttled</Badge> : null}
      {user.isSso ? <Badge tone="blue">SSO</Badge> : null}
      {user.isActive && !user.isThrottled ? <Badge tone="green">Active</Badge> : null}
    </span>
  );
}
