"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { createUseCaseAction, updateUseCaseAction } from "@/app/(console)/use-cases/actions";
import { AUDIENCES, createUseCaseSchema, DATA_CLASSIFICATIONS, RISK_TIERS, updateUseCaseSchema } from "@/lib/use-cases/schemas";
import { CLASSIFICATION_LABEL, TIER_LABEL } from "./labels";

export type UseCaseFormValues = {
  name: string; slug: string; description: string; teamId: string; businessOwner: string;
  kpis: { name: string; target: string }[]; riskTier: string; dataClassification: string;
  handlesPersonalData: boolean; audience: string; costAllocationTag: string; nextReviewDate: string;
};

const EMPTY: UseCaseFormValues = {
  name: "", slug: "", description: "", teamId: "", businessOwner: "", kpis: [], riskTier: "LIMITED",
  dataClassification: "INTERNAL", handlesPersonalData: false, audience: "INTERNAL", costAllocationTag: "", nextReviewDate: "",
};

const slugify = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 64);

type Props = { teams: { id: string; name: string }[]; initial?: UseCaseFormValues & { id: string } };

/** Registration and edit form. Validates with the same zod schema the server uses. */
export function UseCaseForm({ teams, initial }: Props) {
  const router = useRouter();
  const editing = Boolean(initial);
  const [v, setV] = useState<UseCaseFormValues>(initial ?? { ...EMPTY, teamId: teams.length === 1 ? teams[0]!.id : "" });
  const [slugTouched, setSlugTouched] = useState(editing);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = <K extends keyof UseCaseFormValues>(k: K, value: UseCaseFormValues[K]) => setV((old) => ({ ...old, [k]: value }));

  const payload = () => {
    const { slug, teamId, ...editable } = v;
    const fields = { ...editable, nextReviewDate: v.nextReviewDate || null };
    return editing ? fields : { ...fields, slug, teamId };
  };
  const mutation = useMutation({
    mutationFn: async () => {
      const result = editing ? await updateUseCaseAction(initial!.id, payload()) : await createUseCaseAction(payload());
      if (!result.ok) throw Object.assign(new Error(result.error.message), { details: result.error.details });
      return result.data;
    },
    onSuccess: (data) => {
      toast(editing ? "Changes saved" : "Use case registered as a draft");
      router.push(`/use-cases/${data.id}`);
      router.refresh();
    },
    onError: (error: Error & { details?: { fields?: { field: string; message: string }[] } }) => {
      const fields = error.details?.fields ?? [];
      setErrors(Object.fromEntries(fields.map((f) => [f.field, f.message])));
      toast(error.message, "error");
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const schema = editing ? updateUseCaseSchema : createUseCaseSchema;
    const parsed = schema.safeParse(payload());
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message])));
      return;
    }
    setErrors({});
    mutation.mutate();
  }

  const err = (k: string) => errors[k];
  const aria = (k: string) => ({ "aria-invalid": Boolean(err(k)) || undefined, "aria-describedby": err(k) ? `${k}-error` : undefined });

  return (
    <form onSubmit={submit} noValidate className="space-y-8">
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
          <select id="riskTier" className={inputClass} value={v.riskTier} onChange={(e) => set("riskTier", e.target.value)}>
            {RISK_TIERS.map((t) => <option key={t} value={t}>{TIER_LABEL[t]![0]}</option>)}
          </select>
        </Field>
        <Field id="dataClassification" label="Data classification" error={err("dataClassification")}>
          <select id="dataClassification" className={inputClass} value={v.dataClassification} onChange={(e) => set("dataClassification", e.target.value)}>
            {DATA_CLASSIFICATIONS.map((c) => <option key={c} value={c}>{CLASSIFICATION_LABEL[c]}</option>)}
          </select>
        </Field>
        <Field id="audience" label="Audience" error={err("audience")}>
          <select id="audience" className={inputClass} value={v.audience} onChange={(e) => set("audience", e.target.value)}>
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

      <div className="flex justify-end gap-3">
        <Button variant="secondary" onClick={() => router.back()}>Cancel</Button>
        <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Saving…" : editing ? "Save changes" : "Register use case"}</Button>
      </div>
    </form>
  );
}
