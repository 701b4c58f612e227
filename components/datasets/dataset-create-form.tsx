"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { createDatasetAction } from "@/app/(console)/datasets/actions";
import { createDatasetSchema } from "@/lib/datasets/schemas";

type Props = { useCases: { id: string; name: string; teamName: string }[]; initialUseCaseId?: string };

/** A new, empty dataset: which use case it belongs to, its name and what it is for. */
export function DatasetCreateForm({ useCases, initialUseCaseId }: Props) {
  const router = useRouter();
  const [v, setV] = useState({ useCaseId: initialUseCaseId ?? (useCases.length === 1 ? useCases[0]!.id : ""), name: "", description: "" });
  const set = (changes: Partial<typeof v>) => setV((old) => ({ ...old, ...changes }));
  const { errors, submit, pending, alert } = useActionForm(createDatasetSchema, createDatasetAction, (d) => {
    toast("Dataset created");
    router.push(`/datasets/${d.id}/import`);
  });
  return (
    <form onSubmit={submit(v)} noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="useCaseId" label="Use case" error={errors.useCaseId}>
          <select id="useCaseId" className={inputClass} value={v.useCaseId} {...ariaFor("useCaseId", errors.useCaseId)} onChange={(e) => set({ useCaseId: e.target.value })}>
            <option value="">Choose a use case…</option>
            {useCases.map((u) => <option key={u.id} value={u.id}>{u.name} ({u.teamName})</option>)}
          </select>
        </Field>
        <Field id="name" label="Name" hint="Unique within the use case, e.g. triage-golden." error={errors.name}>
          <input id="name" className={inputClass} value={v.name} {...ariaFor("name", errors.name)} onChange={(e) => set({ name: e.target.value })} />
        </Field>
        <Field id="description" label="Description" error={errors.description} className="md:col-span-2">
          <input id="description" className={inputClass} value={v.description} {...ariaFor("description", errors.description)} onChange={(e) => set({ description: e.target.value })} />
        </Field>
      </div>
      {alert}
      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={() => router.back()}>Cancel</Button>
        <Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create dataset"}</Button>
      </div>
    </form>
  );
}
