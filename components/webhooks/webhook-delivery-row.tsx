"use client";

import { useState } from "react";
import type { WebhookDeliveryDto } from "@/lib/webhooks/serialize";
import { webhookEventLabel } from "@/lib/webhooks/events";
import { DeliveryStatusBadge } from "./webhook-status-badge";
import { WebhookRedeliverButton } from "./webhook-redeliver-button";
import { DateTime } from "@/components/ui/date-time";

const COLUMN_COUNT = 7;

/** One delivery of the log, with its payload behind a disclosure button. */
export function WebhookDeliveryRow({ d }: { d: WebhookDeliveryDto }) {
  const [open, setOpen] = useState(false);
  const panelId = `delivery-${d.id}-payload`;
  return (
    <>
      <tr className="align-top text-slate-700" data-delivery-id={d.id}>
        <th scope="row" className="px-4 py-3 text-left font-normal">
          <p className="font-medium text-slate-900">{webhookEventLabel(d.event)}</p>
          <p className="font-mono text-xs text-slate-500">{d.event}</p>
          <button type="button" className="mt-1 text-xs font-medium text-indigo-700 hover:underline" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
            {open ? "Hide payload" : "Show payload"}
          </button>
        </th>
        <td className="whitespace-nowrap px-4 py-3"><DeliveryStatusBadge status={d.status} attempts={d.attempts} /></td>
        <td className="px-4 py-3 tabular-nums">{d.attempts}</td>
        <td className="max-w-xs px-4 py-3">
          {d.lastStatusCode ? <p className="font-mono text-xs font-semibold text-slate-900">HTTP {d.lastStatusCode}</p> : null}
          {d.lastError ? <p className="line-clamp-3 break-words text-xs text-rose-700" title={d.lastError}>{d.lastError}</p> : null}
          {!d.lastStatusCode && !d.lastError ? <span className="text-xs text-slate-500">{d.attempts ? "—" : "Not attempted yet"}</span> : null}
        </td>
        <td className="whitespace-nowrap px-4 py-3 text-xs">{d.nextAttemptAt && d.status === "PENDING" ? <DateTime value={d.nextAttemptAt} /> : "—"}</td>
        <td className="whitespace-nowrap px-4 py-3 text-xs">{d.deliveredAt ? <DateTime value={d.deliveredAt} /> : "—"}</td>
        <td className="px-4 py-3 text-right">{d.status === "FAILED" ? <WebhookRedeliverButton webhookId={d.webhookId} deliveryId={d.id} /> : null}</td>
      </tr>
      {open ? (
        <tr id={panelId}>
          <td colSpan={COLUMN_COUNT} className="bg-slate-50 px-4 py-3">
            <p className="mb-1 text-xs text-slate-500">Delivery <span className="font-mono">{d.id}</span> · queued <DateTime value={d.createdAt} /></p>
            <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-words rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100">{JSON.stringify(d.payload, null, 2)}</pre>
          </td>
        </tr>
      ) : null}
    </>
  );
}
