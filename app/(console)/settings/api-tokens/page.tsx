import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listApiTokens } from "@/lib/api-tokens/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClass } from "@/components/ui/button";
import { ApiTokenCreateForm } from "@/components/settings/api-token-create-form";
import { ApiTokenTable } from "@/components/settings/api-token-table";

export const metadata = { title: "API tokens" };

const OPENAPI_HREF = "/api/v1/openapi.json";

export default async function ApiTokensPage() {
  const actor = await requirePagePermission("api-token:manage");
  const [tokens, teams] = await Promise.all([
    listApiTokens({ db: db(), actor }),
    db().team.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const creators = await db().user.findMany({ where: { id: { in: [...new Set(tokens.map((t) => t.createdById))] } }, select: { id: true, name: true } });
  const rows = tokens.map((t) => ({ ...t, createdByName: creators.find((u) => u.id === t.createdById)?.name ?? null }));
  const openApi = <a href={OPENAPI_HREF} className="font-medium text-indigo-700 hover:underline">OpenAPI document</a>;
  return (
    <>
      <Link href="/settings" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Settings</Link>
      <PageHeader title="API tokens" description={<>Team-scoped tokens for machines calling the Strata API. The endpoints are described in the {openApi}.</>} />
      <div className="space-y-6">
        <Card title="Create token"><ApiTokenCreateForm teams={teams} /></Card>
        {rows.length === 0 ? (
          <EmptyState title="No API tokens yet" action={<a href={OPENAPI_HREF} className={buttonClass("secondary")}>Read the OpenAPI document</a>}>
            A token lets a machine call the Strata API for one team: a CI pipeline posting evaluation results, or an application reading its configuration. Create one above; its secret is shown once.
          </EmptyState>
        ) : (
          <ApiTokenTable rows={rows} />
        )}
      </div>
    </>
  );
}
