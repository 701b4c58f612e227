"use client";

import { useRouter } from "next/navigation";
import { inputClass } from "@/components/ui/field";

/** "Compare with…": another release of the same use case, opened in the diff page. */
export function ComparePicker({ id, others }: { id: string; others: { id: string; number: number; status: string }[] }) {
  const router = useRouter();
  if (others.length === 0) return null;
  return (
    <div>
      <label htmlFor="compare-with" className="sr-only">Compare with</label>
      <select id="compare-with" className={inputClass} defaultValue="" onChange={(e) => e.target.value && router.push(`/releases/diff?a=${encodeURIComponent(e.target.value)}&b=${encodeURIComponent(id)}`)}>
        <option value="">Compare with…</option>
        {others.map((o) => <option key={o.id} value={o.id}>Release #{o.number} ({o.status.toLowerCase().replace("_", " ")})</option>)}
      </select>
    </div>
  );
}
