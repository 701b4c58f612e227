import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { SettingsOverview } from "@/components/settings/settings-overview";

export const metadata = { title: "Settings" };

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default async function SettingsPage() {
  const actor = await requirePagePermission("settings:read");
  const [users, teams] = await Promise.all([db().user.count({ where: { isActive: true } }), db().team.count()]);
  // Only areas this admin may open are listed; an area without an href is not built yet.
  const areas = [
    ...(can(actor, "user:read") ? [{ title: "Users", href: "/settings/users", stat: plural(users, "active user"), description: "Who can sign in, their role and teams; reset passwords and clear throttled sign-ins." }] : []),
    ...(can(actor, "team:manage") ? [{ title: "Teams", href: "/settings/teams", stat: plural(teams, "team"), description: "The teams that own use cases. Membership decides who may change a team's use cases." }] : []),
    ...(can(actor, "api-token:manage") ? [{ title: "API tokens", href: "/settings/api-tokens", description: "Team-scoped tokens for CI pipelines and applications calling the Strata API." }] : []),
    ...(can(actor, "webhook:manage") ? [{ title: "Webhooks", href: "/settings/webhooks", description: "Signed HTTP notifications to other systems when releases are submitted, approved, rejected, promoted or rolled back, with a delivery log." }] : []),
    ...(can(actor, "aws-connection:read") ? [{ title: "AWS connections", href: "/settings/aws-connections", description: "Region, role to assume and endpoint per environment (dev, preprod, prod), with a connection test. Credentials come from the server's AWS provider chain." }] : []),
  ];
  return (
    <>
      <PageHeader title="Settings" description="Administer who can use Strata and how machines reach it." />
      <SettingsOverview areas={areas} />
    </>
  );
}
