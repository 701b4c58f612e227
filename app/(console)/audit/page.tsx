import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { getAuditFilterOptions, listAuditEvents } from "@/lib/audit/queries";
import { readAuditSearchParams } from "@/lib/audit/schemas";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { buttonClass } from "@/components/ui/button";
import { AuditFilters } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { AuditExportLinks } from "@/components/audit/audit-export-links";
import { VerifyChainPanel } from "@/components/audit/verify-chain-panel";

export const metadata = { title: "Audit log" };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission("audit:read");
  const { params, filters, invalid } = readAuditSearchParams(await searchParams);
  const reader = { db: db(), actor };
  const [result, options] = await Promise.all([listAuditEvents(reader, params), getAuditFilterOptions(reader)]);
  const filtered = Object.keys(filters).length > 0;
  return (
    <>
      <PageHeader title="Audit log" description="Every governed change: who did it, in which role, when, and what it changed. Hash-chained, append-only." actions={<AuditExportLinks filters={filters} total={result.total} />} />
      {can(actor, "audit:verify") ? <VerifyChainPanel /> : null}
      {invalid ? <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-2 text-sm text-amber-900 ring-1 ring-amber-200">Some filters in the address were not valid and were ignored.</p> : null}
      <AuditFilters options={options} />
      {result.total === 0 ? (
        <EmptyState title={filtered ? "No audit events match these filters" : "No audit events yet"} action={filtered ? <Link href="/audit" className={buttonClass("secondary")}>Clear filters</Link> : null}>
          {filtered ? "Try a wider date range or fewer filters." : "Events appear here as soon as anyone changes a governed resource."}
        </EmptyState>
      ) : (
        <>
          <AuditTable events={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} total={result.total} params={params} basePath="/audit" />
        </>
      )}
    </>
  );
}
