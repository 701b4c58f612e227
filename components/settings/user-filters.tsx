"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";

/** Search and role filter live in the URL, so a filtered list can be bookmarked and shared. */
export function UserFilters() {
  const params = useSearchParams();
  // Remount when the URL changes (Clear, back/forward) so the search box shows what is applied.
  return <FilterForm key={params.toString()} params={params} />;
}

function FilterForm({ params }: { params: URLSearchParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const [q, setQ] = useState(params.get("q") ?? "");
  const apply = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(changes)) {
      if (v.trim()) next.set(k, v.trim());
      else next.delete(k);
    }
    next.delete("page");
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <div className="mb-4 grid grid-cols-1 gap-3 md:grid-cols-[2fr_1fr]">
      <form role="search" className="flex gap-2" onSubmit={(e) => { e.preventDefault(); apply({ q }); }}>
        <label htmlFor="user-filter-q" className="sr-only">Search users</label>
        <input id="user-filter-q" type="search" placeholder="Search name or email…" value={q} maxLength={200} onChange={(e) => setQ(e.target.value)} className={inputClass} />
        <Button type="submit" variant="secondary">Search</Button>
      </form>
      <div>
        <label htmlFor="user-filter-role" className="sr-only">Role</label>
        <select id="user-filter-role" value={params.get("role") ?? ""} onChange={(e) => apply({ role: e.target.value })} className={inputClass}>
          <option value="">Role: all</option>
          {ROLES.map((r) => <option key={r} value={r}>{ROLE_LABELS[r]}</option>)}
        </select>
      </div>
    </div>
  );
}
