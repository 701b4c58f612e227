"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { ariaFor } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { createGuardrailAction } from "@/app/(console)/guardrails/actions";
import { createGuardrailSchema } from "@/lib/guardrails/schemas";

/** Name and use case first; the policies are edited on the guardrail's page. */
export function GuardrailCreateForm({ useCases, initialUseCaseId }: { useCases: { id: string; name: string }[]; initialUseCaseId?: string }) {
  const router = useRouter();
  const [v, setV] = useState({ useCaseId: initialUseCaseId ?? (useCases.length === 1 ? useCases[0]!.id : ""), name: "", description: "" });
  const form = useActionForm(createGuardrailSchema, createGuardrailAction, (g) => {
    toast("Guardrail created — configure its policies");
    router.push(`/guardrails/${g.id}`);
  });
  return (
    <form onSubmit={form.submit(v)} className="max-w-xl space-y-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
      <Field id="useCaseId" label="Use case" error={form.errors.useCaseId} hint="The guardrail belongs to this use case and its team.">
        <select id="useCaseId" className={inputClass} value={v.useCaseId} onChange={(e) => setV({ ...v, useCaseId: e.target.value })} {...ariaFor("useCaseId", form.errors.useCaseId)}>
          <option value="">Choose a use case…</option>
          {useCases.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
        </select>
      </Field>
      <Field id="name" label="Name" error={form.errors.name} hint="Letters, digits, - and _ (Bedrock's rule), up to 50 characters.">
        <input id="name" className={inputClass} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...ariaFor("name", form.errors.name)} />
      </Field>
      <Field id="description" label="Description" error={form.errors.description}>
        <textarea id="description" rows={2} className={inputClass} value={v.description} onChange={(e) => setV({ ...v, description: e.target.value })} {...ariaFor("description", form.errors.description)} />
      </Field>
      {form.alert}
      <div className="flex justify-end">
        <Button type="submit" disabled={form.pending}>{form.pending ? "Creating…" : "Create guardrail"}</Button>
      </div>
    </form>
  );
}
