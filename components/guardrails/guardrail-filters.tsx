"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { inputClass } from "@/components/ui/field";

/** The use-case filter lives in the URL, so a filtered list can be shared. */
export function GuardrailFilters({ useCases }: { useCases: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  return (
    <div className="mb-4 max-w-sm">
      <label htmlFor="filter-useCaseId" className="sr-only">Use case</label>
      <select
        id="filter-useCaseId"
        className={inputClass}
        value={params.get("useCaseId") ?? ""}
        onChange={(e) => router.push(e.target.value ? `${pathname}?useCaseId=${encodeURIComponent(e.target.value)}` : pathname)}
      >
        <option value="">Use case: all</option>
        {useCases.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
    </div>
  );
}
