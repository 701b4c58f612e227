"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { inputClass } from "@/components/ui/field";
import { RELEASE_STATUSES, RELEASE_STATUS_LABEL } from "@/lib/releases/schemas";

/** The status filter of the release list; it lives in the URL like the use-case filter. */
export function ReleaseStatusFilter() {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const apply = (status: string) => {
    const next = new URLSearchParams(params.toString());
    if (status) next.set("status", status);
    else next.delete("status");
    next.delete("page");
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <div className="mb-4 max-w-xs">
      <label htmlFor="filter-status" className="sr-only">Status</label>
      <select id="filter-status" className={inputClass} value={params.get("status") ?? ""} onChange={(e) => apply(e.target.value)}>
        <option value="">Status: all</option>
        {RELEASE_STATUSES.map((s) => <option key={s} value={s}>{RELEASE_STATUS_LABEL[s]}</option>)}
      </select>
    </div>
  );
}
