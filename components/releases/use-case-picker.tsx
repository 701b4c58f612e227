"use client";

import { useRouter } from "next/navigation";
import { Field, inputClass } from "@/components/ui/field";

/** Step one of a new release: which use case (of the user's teams) it is for. */
export function UseCasePicker({ useCases }: { useCases: { id: string; name: string; teamName: string; status: string }[] }) {
  const router = useRouter();
  return (
    <div className="max-w-xl rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <Field id="useCaseId" label="Use case" hint="Releases can be submitted once the use case itself is approved.">
        <select id="useCaseId" className={inputClass} defaultValue="" onChange={(e) => e.target.value && router.push(`/releases/new?useCaseId=${encodeURIComponent(e.target.value)}`)}>
          <option value="">Choose a use case…</option>
          {useCases.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.teamName}, {u.status.toLowerCase().replace("_", " ")})</option>)}
        </select>
      </Field>
    </div>
  );
}
