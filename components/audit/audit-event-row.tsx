"use client";

import Link from "next/link";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import type { AuditEventDto } from "@/lib/audit/queries";
import { AuditActionBadge } from "./audit-action-badge";
import { AuditChangeView } from "./audit-change-view";
import { roleLabel, splitActorLabel } from "./audit-labels";
import { DateTime } from "@/components/ui/date-time";

export const AUDIT_COLUMN_COUNT = 6;

function Resource({ type, id }: { type: string; id: string }) {
  return (
    <>
      <p className="text-xs text-slate-500">{type}</p>
      {type === "use-case" ? (
        <Link href={`/use-cases/${encodeURIComponent(id)}`} className="break-all font-mono text-xs font-medium text-indigo-700 hover:underline">
          {id}
        </Link>
      ) : (
        <p className="break-all font-mono text-xs text-slate-800">{id}</p>
      )}
    </>
  );
}

function Meta({ label, value }: { label: string; value: string | null }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd className="truncate font-mono text-slate-800" title={value ?? undefined}>{value ?? "—"}</dd>
    </div>
  );
}

/** One event and, on demand, a full-width row below it with the change and the chain fields. */
export function AuditEventRow({ event }: { event: AuditEventDto }) {
  const [open, setOpen] = useState(false);
  const actor = splitActorLabel(event.actorLabel);
  const detailsId = `audit-event-${event.seq}`;
  return (
    <>
      <tr className={open ? "bg-slate-50" : "hover:bg-slate-50"}>
        <td className="whitespace-nowrap px-4 py-3 font-mono text-xs text-slate-500">#{event.seq}</td>
        <td className="whitespace-nowrap px-4 py-3 text-slate-700">
          <DateTime value={event.at} />
        </td>
        <td className="px-4 py-3">
          <p className="font-medium text-slate-900">{actor.name}</p>
          <div className="mt-0.5 flex flex-wrap items-center gap-1.5">
            {actor.email ? <span className="text-xs text-slate-500">{actor.email}</span> : null}
            <Badge>{roleLabel(event.actorRole)}</Badge>
          </div>
        </td>
        <td className="px-4 py-3"><AuditActionBadge action={event.action} /></td>
        <td className="px-4 py-3"><Resource type={event.resourceType} id={event.resourceId} /></td>
        <td className="px-4 py-3 text-right">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={`${open ? "Hide" : "Show"} details of event #${event.seq}`}
            onClick={() => setOpen((v) => !v)}
            className="rounded-md px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-inset ring-slate-300 hover:bg-white"
          >
            {open ? "Hide" : "Details"}
          </button>
        </td>
      </tr>
      <tr id={detailsId} hidden={!open} className="bg-slate-50">
        <td colSpan={AUDIT_COLUMN_COUNT} className="px-4 pb-5 pt-1">
          {open ? (
            <div className="space-y-4 rounded-md border border-slate-200 bg-white p-4">
              <AuditChangeView before={event.before} after={event.after} />
              <dl className="grid grid-cols-1 gap-3 border-t border-slate-100 pt-3 text-xs sm:grid-cols-2 lg:grid-cols-4">
                <Meta label="Request" value={event.requestId} />
                <Meta label="Actor id" value={event.actorId} />
                <Meta label="Hash" value={event.hash} />
                <Meta label="Previous hash" value={event.prevHash} />
              </dl>
            </div>
          ) : null}
        </td>
      </tr>
    </>
  );
}
