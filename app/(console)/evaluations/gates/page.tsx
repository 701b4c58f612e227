import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listGates, listUseCaseOptions } from "@/lib/evaluations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { UseCaseFilter } from "@/components/ui/use-case-filter";
import { GatesTable } from "@/components/evaluations/gates-table";
import { GateFormButton } from "@/components/evaluations/gate-form-button";

export const metadata = { title: "Evaluation gates" };

export default async function GatesPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("evaluation:read");
  const [useCases, { useCaseId }] = await Promise.all([listUseCaseOptions(db()), searchParams]);
  const useCase = useCases.find((u) => u.id === useCaseId);
  const gates = useCase ? await listGates(db(), useCase.id) : [];
  const canManage = Boolean(useCase) && can(actor, "evaluation-gate:manage", { teamId: useCase!.teamId });
  const add = useCase && canManage ? <GateFormButton useCaseId={useCase.id} /> : null;
  const back = <Link href={useCase ? `/evaluations?useCaseId=${useCase.id}` : "/evaluations"} className="text-indigo-700 underline hover:no-underline">← Evaluation runs</Link>;
  return (
    <>
      <PageHeader title={useCase ? `Gates of ${useCase.name}` : "Evaluation gates"} description={<>{back} · A run passes when every gate of its use case holds; a missing metric fails its gate.</>} actions={add} />
      <UseCaseFilter useCases={useCases} />
      {!useCase ? <EmptyState title="Pick a use case">Choose a use case above to see and manage its gates.</EmptyState>
        : gates.length === 0 ? <EmptyState title="No gates yet" action={add}>Without gates every run passes. Add one, e.g. accuracy &gt;= 0.85 or latency_p95_ms &lt;= 3000.</EmptyState>
        : <GatesTable gates={gates} canManage={canManage} />}
    </>
  );
}
