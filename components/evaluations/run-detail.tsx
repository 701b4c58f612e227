import Link from "next/link";
import type { GateSpec } from "@/lib/evaluations/evaluate-gates";
import type { RunDetail as Run } from "@/lib/evaluations/queries";
import type { RunItemDto } from "@/lib/evaluations/serialize";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { GateResultsTable } from "./gate-results-table";
import { GateDrift } from "./gate-drift";
import { MetricsList } from "./metrics-list";
import { RunItemsTable } from "./run-items-table";
import { ComparePicker } from "./compare-picker";

type Props = {
  run: Run;
  currentGates: GateSpec[];
  items: RunItemDto[];
  page: number;
  pageCount: number;
  others: { id: string; number: number; candidate: string; passed: boolean }[];
};

/** The run page's body: verdict per gate, drift since, metrics, comparison and the items. */
export function RunDetailView({ run, currentGates, items, page, pageCount, others }: Props) {
  const failed = run.gates.filter((g) => !g.passed).length;
  return (
    <div className="space-y-6">
      <GateDrift recorded={run.gates} current={currentGates} metrics={run.metrics} useCaseId={run.useCase.id} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <Card className="xl:col-span-2" title={run.gates.length === 0 ? "Gates" : failed ? `Gates: ${failed} of ${run.gates.length} failed` : `Gates: all ${run.gates.length} passed`}>
          <GateResultsTable results={run.gates} />
        </Card>
        <Card title={`Metrics (${run.metrics.length})`}><MetricsList metrics={run.metrics} /></Card>
      </div>
      <Card title="Compare">
        <ComparePicker runId={run.id} others={others} />
      </Card>
      <Card title={`Items (${run.itemCount})`}>
        {run.itemCount === 0 ? (
          <EmptyState title="No per-item results">This run carries metrics only. <Link className="text-indigo-700 underline hover:no-underline" href="/evaluations/upload">Item lines</Link> make a run comparable item by item.</EmptyState>
        ) : (
          <>
            <RunItemsTable items={items} />
            <Pagination page={page} pageCount={pageCount} total={run.itemCount} params={{}} basePath={`/evaluations/${run.id}`} />
          </>
        )}
      </Card>
    </div>
  );
}
