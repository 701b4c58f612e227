import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listTeamOptions } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { loadUserForPage } from "@/components/settings/load-user-for-page";
import { RoleBadge, UserStateBadges } from "@/components/settings/user-badges";
import { UserDetails } from "@/components/settings/user-details";
import { UserProfileForm } from "@/components/settings/user-profile-form";
import { UserStatusPanel } from "@/components/settings/user-status-panel";
import { UserPasswordPanel } from "@/components/settings/user-password-panel";

export const metadata = { title: "User" };

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("user:read");
  const user = await loadUserForPage(actor, (await params).id);
  const teams = await listTeamOptions({ db: db(), actor });
  const [isSelf, canManage] = [actor.id === user.id, can(actor, "user:manage")];
  return (
    <>
      <Link href="/settings/users" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Users</Link>
      <PageHeader title={user.name} description={<span className="flex flex-wrap items-center gap-2">{user.email}<RoleBadge role={user.role} /><UserStateBadges user={user} /></span>} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card title="Profile and access"><UserProfileForm user={user} teams={teams} isSelf={isSelf} canManage={canManage} /></Card>
          <Card title="Password and sign-in throttling"><UserPasswordPanel user={user} canManage={canManage} /></Card>
        </div>
        <div className="space-y-6">
          <Card title="Status"><UserStatusPanel user={user} isSelf={isSelf} canManage={canManage} /></Card>
          <Card title="Account"><UserDetails user={user} /></Card>
        </div>
      </div>
    </>
  );
}
