import { buttonClass } from "@/components/ui/button";
import type { AuditFilterKey } from "@/lib/audit/schemas";

/**
 * Plain links (no client-side routing or prefetch): the route answers with an attachment, and
 * an error — an expired session, say — shows as its JSON message instead of a saved file.
 */
export function AuditExportLinks({ filters, total }: { filters: Partial<Record<AuditFilterKey, string>>; total: number }) {
  const href = (format: "csv" | "json") => `/audit/export?${new URLSearchParams({ format, ...filters }).toString()}`;
  const what = `${total} matching event${total === 1 ? "" : "s"}`;
  return (
    <>
      <a href={href("csv")} className={buttonClass("secondary")} title={`Download the ${what} as CSV`}>Export CSV</a>
      <a href={href("json")} className={buttonClass("secondary")} title={`Download the ${what} as JSON`}>Export JSON</a>
    </>
  );
}
