import type { AuditEventDto } from "@/lib/audit/queries";
import { AuditEventRow } from "./audit-event-row";
import { TableScroll } from "@/components/ui/table-scroll";

const HEADINGS = ["Event", "Time (UTC)", "Actor", "Action", "Resource"];

/** The audit log, newest first; each row expands to show what the event changed. */
export function AuditTable({ events }: { events: AuditEventDto[] }) {
  return (
    <TableScroll label="Audit events">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">Audit events, newest first</caption>
        <thead className="bg-slate-50">
          <tr>
            {HEADINGS.map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
            <th scope="col" className="px-4 py-3"><span className="sr-only">Details</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => <AuditEventRow key={e.seq} event={e} />)}
        </tbody>
      </table>
    </TableScroll>
  );
}
