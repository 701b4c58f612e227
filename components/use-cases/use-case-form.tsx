"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { useUnsavedChanges } from "@/components/ui/use-unsaved-changes";
import { toast } from "@/components/shell/toaster";
import { createUseCaseAction, updateUseCaseAction } from "@/app/(console)/use-cases/actions";
import { AUDIENCES, createUseCaseSchema, DATA_CLASSIFICATIONS, RISK_TIERS, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { createPayload, editPayload, EMPTY_USE_CASE, type UseCaseFormValues } from "./form-values";
import { CLASSIFICATION_LABEL, TIER_LABEL } from "./labels";

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);

/** `id` and `initial` (formValuesOf) edit a saved use case; without them it registers one. */
type Props = { teams: { id: string; name: string }[]; id?: string; initial?: UseCaseFormValues };

/** Registration and edit form. Validates with the same zod schema the server uses. */
export function UseCaseForm({ teams, id, initial }: Props) {
  const router = useRouter();
  const editing = id !== undefined;
  const [saved, setSaved] = useState<UseCaseFormValues>(() => initial ?? { ...EMPTY_USE_CASE, teamId: teams.length === 1 ? teams[0]!.id : "" });
  const [v, setV] = useState(saved);
  const [slugTouched, setSlugTouched] = useState(editing);
  const set = <K extends keyof UseCaseFormValues>(k: K, value: UseCaseFormValues[K]) => setV((old) => ({ ...old, [k]: value }));
  useUnsavedChanges(JSON.stringify(v) !== JSON.stringify(saved));

  const done = (data: { id: string }) => {
    setSaved(v);
    toast(editing ? "Changes saved" : "Use case registered as a draft");
    router.push(`/use-cases/${data.id}`);
    router.refresh();
  };
  const create = useActionForm(createUseCaseSchema, createUseCaseAction, done);
  const update = useActionForm(updateUseCaseSchema, (input) => updateUseCaseAction(id!, input), done);
  const form = editing ? update : create;
  const submit = editing ? update.submit(editPayload(v)) : create.submit(createPayload(v));
  const err = (k: string) => form.errors[k];
  const aria = (k: string) => ariaFor(k, err(k));

  return (
    <form onSubmit={submit} noValidate aria-label="Use case" className="space-y-8">
      <section className="grid grid-cols-1 gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Identity and ownership</h2>
        <Field id="name" label="Name" error={err("name")}>
          <input id="name" className={inputClass} value={v.name} {...aria("name")} onChange={(e) => { set("name", e.target.value); if (!slugTouched) set("slug", slugify(e.target.value)); }} />
        </Field>
        <Field id="slug" label="Slug" hint="Used by applications and the API; cannot change later." error={err("slug")}>
          <input id="slug" className={`${inputClass} font-mono`} value={v.slug} disabled={editing} {...aria("slug")} onChange={(e) => { setSlugTouched(true); set("slug", e.target.value); }} />
        </Field>
        <Field id="teamId" label="Owning team" error={err("teamId")}>
          <select id="teamId" className={inputClass} value={v.teamId} disabled={editing} {...aria("teamId")} onChange={(e) => set("teamId", e.target.value)}>
            <option value="">Choose a team…</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </Field>
        <Field id="businessOwner" label="Business owner" error={err("businessOwner")}>
          <input id="businessOwner" className={inputClass} value={v.businessOwner} {...aria("businessOwner")} onChange={(e) => set("businessOwner", e.target.value)} />
        </Field>
        <Field id="description" label="Description" error={err("description")} className="md:col-span-2">
          <textarea id="description" rows={4} className={inputClass} value={v.description} {...aria("description")} onChange={(e) => set("description", e.target.value)} />
        </Field>
      </section>

      <section className="grid grid-cols-1 gap-5 rounded-lg border border-slate-200 bg-white p-6 shadow-sm md:grid-cols-2">
        <h2 className="text-sm font-semibold text-slate-900 md:col-span-2">Risk and data</h2>
        <Field id="riskTier" label="Risk tier (EU AI Act)" hint="High risk needs two reviewers; prohibited can never be approved." error={err("riskTier")}>
          <select id="riskTier" className={inputClass} value={v.riskTier} onChange={(e) => set("riskTier", e.target.value as UseCaseFormValues["riskTier"])}>
            {RISK_TIERS.map((t) => <option key={t} value={t}>{TIER_LABEL[t]![0]}</option>)}
          </select>
        </Field>
        <Field id="dataClassification" label="Data classification" error={err("dataClassification")}>
          <select id="dataClassification" className={inputClass} value={v.dataClassification} onChange={(e) => set("dataClassification", e.target.value as UseCaseFormValues["dataClassification"])}>
            {DATA_CLASSIFICATIONS.map((c) => <option key={c} value={c}>{CLASSIFICATION_LABEL[c]}</option>)}
          </select>
        </Field>
        <Field id="audience" label="Audience" error={err("audience")}>
          <select id="audience" className={inputClass} value={v.audience} onChange={(e) => set("audience", e.target.value as UseCaseFormValues["audience"])}>
            {AUDIENCES.map((a) => <option key={a} value={a}>{a === "INTERNAL" ? "Internal (employees)" : "External (customers, public)"}</option>)}
          </select>
        </Field>
        <div className="flex items-center gap-2 pt-7">
          <input id="handlesPersonalData" type="checkbox" className="h-4 w-4 rounded border-slate-300" checked={v.handlesPersonalData} onChange={(e) => set("handlesPersonalData", e.target.checked)} />
          <label htmlFor="handlesPersonalData" className="text-sm text-slate-800">Handles personal data</label>
        </div>
        <Field id="costAllocationTag" label="Cost-allocation tag" hint="The AWS tag value costs are allocated by." error={err("costAllocationTag")}>
          <input id="costAllocationTag" className={inputClass} value={v.costAllocationTag} {...aria("costAllocationTag")} onChange={(e) => set("costAllocationTag", e.target.value)} />
        </Field>
        <Field id="nextReviewDate" label="Next review date" error={err("nextReviewDate")}>
          <input id="nextReviewDate" type="date" className={inputClass} value={v.nextReviewDate} {...aria("nextReviewDate")} onChange={(e) => set("nextReviewDate", e.target.value)} />
        </Field>
      </section>

      <section className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-900">Business KPIs</h2>
          <Button variant="secondary" onClick={() => set("kpis", [...v.kpis, { name: "", target: "" }])}>Add KPI</Button>
        </div>
        {v.kpis.length === 0 ? <p className="mt-3 text-sm text-slate-500">No KPIs yet. Add the measures that say whether this use case is worth running.</p> : null}
        <ul className="mt-4 space-y-3">
          {v.kpis.map((k, i) => (
            <li key={i} className="grid grid-cols-[1fr_12rem_auto] items-start gap-3">
              <Field id={`kpis.${i}.name`} label={`KPI ${i + 1} name`} error={err(`kpis.${i}.name`)}>
                <input id={`kpis.${i}.name`} className={inputClass} value={k.name} onChange={(e) => set("kpis", v.kpis.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
              </Field>
              <Field id={`kpis.${i}.target`} label="Target" error={err(`kpis.${i}.target`)}>
                <input id={`kpis.${i}.target`} className={inputClass} value={k.target} onChange={(e) => set("kpis", v.kpis.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))} />
              </Field>
              <Button variant="ghost" className="mt-7" aria-label={`Remove KPI ${i + 1}`} onClick={() => set("kpis", v.kpis.filter((_, j) => j !== i))}>Remove</Button>
            </li>
          ))}
        </ul>
      </section>

      <div className="space-y-3">
        {form.alert}
        <div className="flex justify-end gap-3">
          <Link href={editing ? `/use-cases/${id}` : "/use-cases"} className={buttonClass("secondary")}>Cancel</Link>
          <Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : editing ? "Save changes" : "Register use case"}</Button>
        </div>
      </div>
    </form>
  );
}
