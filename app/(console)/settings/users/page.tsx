import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listUsers } from "@/lib/users/queries";
import { listUsersSchema } from "@/lib/users/schemas";
import { listTeamOptions } from "@/lib/teams/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { UserFilters } from "@/components/settings/user-filters";
import { UserTable } from "@/components/settings/user-table";
import { UserCreateDialog } from "@/components/settings/user-create-dialog";

export const metadata = { title: "Users" };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("user:read");
  const raw = await searchParams;
  const requested = Object.fromEntries(["q", "role", "page"].flatMap((k) => (typeof raw[k] === "string" ? [[k, raw[k]]] : []))) as Record<string, string>;
  // A hand-edited URL with a bad value shows everyone rather than failing.
  const params = listUsersSchema.safeParse(requested).success ? requested : {};
  const reader = { db: db(), actor };
  const [result, teams] = await Promise.all([listUsers(reader, params), listTeamOptions(reader)]);
  const filtered = Boolean(params.q || params.role);
  const addButton = can(actor, "user:manage") ? <UserCreateDialog teams={teams} /> : null;
  return (
    <>
      <Link href="/settings" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Settings</Link>
      <PageHeader title="Users" description="Everyone who can sign in to Strata: their role, their teams and whether they can sign in right now." actions={addButton} />
      <UserFilters />
      {result.total === 0 ? (
        <EmptyState title={filtered ? "No users match these filters" : "No users yet"} action={filtered ? <Link href="/settings/users" className={buttonClass("secondary")}>Clear filters</Link> : addButton}>
          {filtered ? "Try another search or role." : "Add the first user, or let people sign in with single sign-on."}
        </EmptyState>
      ) : (
        <>
          <UserTable rows={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} basePath="/settings/users" />
        </>
      )}
    </>
  );
}
