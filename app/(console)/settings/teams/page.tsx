import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listTeams } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { TeamCreateForm } from "@/components/settings/team-create-form";
import { TeamTable } from "@/components/settings/team-table";

export const metadata = { title: "Teams" };

export default async function TeamsPage() {
  const actor = await requirePagePermission("team:manage");
  const teams = await listTeams({ db: db(), actor });
  return (
    <>
      <Link href="/settings" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Settings</Link>
      <PageHeader title="Teams" description="Teams own use cases. Members who are product owners or engineers may change their team's use cases; assign members on each user's page." />
      <div className="space-y-6">
        <Card title="Create team"><TeamCreateForm /></Card>
        {teams.length === 0 ? (
          <EmptyState title="No teams yet">Create the first team above. Every use case and API token belongs to a team.</EmptyState>
        ) : (
          <TeamTable rows={teams} />
        )}
      </div>
    </>
  );
}
