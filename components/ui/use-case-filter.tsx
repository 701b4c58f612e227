"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { inputClass } from "@/components/ui/field";

/** The use-case filter of the catalog lists (prompts, datasets); it lives in the URL, so a filtered list can be shared. */
export function UseCaseFilter({ useCases }: { useCases: { id: string; name: string }[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const apply = (useCaseId: string) => {
    const next = new URLSearchParams(params.toString());
    if (useCaseId) next.set("useCaseId", useCaseId);
    else next.delete("useCaseId");
    next.delete("page");
    router.push(`${pathname}?${next.toString()}`);
  };
  return (
    <div className="mb-4 max-w-sm">
      <label htmlFor="filter-useCaseId" className="sr-only">Use case</label>
      <select id="filter-useCaseId" className={inputClass} value={params.get("useCaseId") ?? ""} onChange={(e) => apply(e.target.value)}>
        <option value="">Use case: all</option>
        {useCases.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </select>
    </div>
  );
}
