import type { WebhookDeliveryDto } from "@/lib/webhooks/serialize";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { WebhookDeliveryRow } from "./webhook-delivery-row";
import { RefreshWhilePending } from "./refresh-while-pending";
import { TableScroll } from "@/components/ui/table-scroll";

const COLUMNS = ["Event", "Status", "Attempts", "Last response", "Next attempt", "Delivered"];
type Log = { deliveries: WebhookDeliveryDto[]; page: number; pageCount: number; total: number };

/** The delivery log, newest first; refreshes itself while a delivery is about to go out. */
export function WebhookDeliveryLog({ webhookId, log, watching }: { webhookId: string; log: Log; watching: boolean }) {
  if (log.total === 0) {
    return <EmptyState title="No deliveries yet">Deliveries appear here when a subscribed event happens. Send a test delivery to check the receiver now.</EmptyState>;
  }
  return (
    <>
      <RefreshWhilePending active={watching} />
      <TableScroll label="Deliveries">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">Delivery log, newest first</caption>
          <thead className="bg-slate-50">
            <tr>
              {COLUMNS.map((label) => <th key={label} scope="col" className="whitespace-nowrap px-4 py-3 text-left font-semibold text-slate-700">{label}</th>)}
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {log.deliveries.map((d) => <WebhookDeliveryRow key={d.id} d={d} />)}
          </tbody>
        </table>
      </TableScroll>
      <Pagination page={log.page} pageCount={log.pageCount} total={log.total} params={{}} basePath={`/settings/webhooks/${webhookId}`} />
    </>
  );
}
