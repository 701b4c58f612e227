"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { inputClass } from "@/components/ui/field";
import { RISK_TIERS, USE_CASE_STATUSES } from "@/lib/use-cases/schemas";
import { STATUS_LABEL, TIER_LABEL } from "./labels";

/** Search and filters live in the URL, so a filtered list can be bookmarked and shared. */
export function UseCaseFilters({ teams }: { teams: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [q, setQ] = useState(params.get("q") ?? "");

  const apply = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("page");
    router.push(`${pathname}?${next.toString()}`);
  };
  const select = (name: string, label: string, options: [string, string][]) => (
    <div>
      <label htmlFor={`filter-${name}`} className="sr-only">{label}</label>
      <select id={`filter-${name}`} value={params.get(name) ?? ""} onChange={(e) => apply({ [name]: e.target.value })} className={inputClass}>
        <option value="">{label}: all</option>
        {options.map(([value, text]) => <option key={value} value={value}>{text}</option>)}
      </select>
    </div>
  );

  return (
    <div className="mb-4 grid grid-cols-1 gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_auto]">
      <form role="search" onSubmit={(e) => { e.preventDefault(); apply({ q }); }}>
        <label htmlFor="filter-q" className="sr-only">Search use cases</label>
        <input id="filter-q" type="search" placeholder="Search name, slug or description…" value={q} onChange={(e) => setQ(e.target.value)} className={inputClass} />
      </form>
      {select("teamId", "Team", teams.map((t) => [t.id, t.name]))}
      {select("riskTier", "Risk tier", RISK_TIERS.map((t) => [t, TIER_LABEL[t]![0]]))}
      {select("status", "Status", USE_CASE_STATUSES.map((s) => [s, STATUS_LABEL[s]![0]]))}
      <label className="flex items-center gap-2 whitespace-nowrap text-sm text-slate-700">
        <input type="checkbox" checked={params.get("overdue") === "true"} onChange={(e) => apply({ overdue: e.target.checked ? "true" : "" })} className="h-4 w-4 rounded border-slate-300" />
        Review overdue
      </label>
    </div>
  );
}
