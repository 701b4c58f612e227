import Link from "next/link";
import type { WebhookListRow } from "@/lib/webhooks/queries";
import { webhookEventLabel } from "@/lib/webhooks/events";
import { Badge } from "@/components/ui/badge";
import { DeliveryStatusBadge, WebhookActiveBadge } from "./webhook-status-badge";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

const COLUMNS = ["Payload URL", "Events", "Status", "Last delivery"];

/** Every registered webhook, newest first, with how its latest delivery went. */
export function WebhookTable({ rows }: { rows: WebhookListRow[] }) {
  return (
    <TableScroll label="Webhooks">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Webhooks</caption>
        <thead className="bg-slate-50">
          <tr>
            {COLUMNS.map((label) => (
              <th key={label} scope="col" className="whitespace-nowrap px-4 py-3 text-left font-semibold text-slate-700">{label}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((w) => (
            <tr key={w.id} className="text-slate-700 hover:bg-slate-50">
              <th scope="row" className="max-w-md px-4 py-3 text-left font-normal">
                <Link href={`/settings/webhooks/${w.id}`} className="break-all font-mono text-sm font-medium text-indigo-700 hover:underline">{w.url}</Link>
                {w.description ? <p className="mt-0.5 text-xs text-slate-500">{w.description}</p> : null}
              </th>
              <td className="px-4 py-3">
                <ul className="flex max-w-sm flex-wrap gap-1">
                  {w.events.map((e) => <li key={e}><Badge tone="indigo" className="font-mono">{e}</Badge></li>)}
                </ul>
              </td>
              <td className="whitespace-nowrap px-4 py-3"><WebhookActiveBadge active={w.active} /></td>
              <td className="whitespace-nowrap px-4 py-3">
                {w.lastDelivery ? (
                  <div className="space-y-0.5">
                    <div className="flex items-center gap-2">
                      <DeliveryStatusBadge status={w.lastDelivery.status} attempts={w.lastDelivery.attempts} />
                      {w.lastDelivery.lastStatusCode ? <span className="font-mono text-xs text-slate-600">HTTP {w.lastDelivery.lastStatusCode}</span> : null}
                    </div>
                    <p className="text-xs text-slate-500">{webhookEventLabel(w.lastDelivery.event)} · <DateTime value={w.lastDelivery.lastAttemptAt ?? w.lastDelivery.createdAt} /></p>
                  </div>
                ) : (
                  <span className="text-slate-500">No deliveries yet</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
