"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { ariaFor } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { createGuardrailTestCaseAction } from "@/app/(console)/guardrails/actions";
import { LIMITS, testCaseSchema, type GuardrailSource } from "@/lib/guardrails/schemas";

const EMPTY = { name: "", source: "INPUT" as GuardrailSource, text: "", expect: "" };

export function TestCaseForm({ guardrailId, onSaved }: { guardrailId: string; onSaved: () => void }) {
  const [v, setV] = useState(EMPTY);
  const form = useActionForm(testCaseSchema, (input) => createGuardrailTestCaseAction(guardrailId, input), () => {
    toast("Test case saved");
    setV(EMPTY);
    onSaved();
  });
  const values = { name: v.name, source: v.source, text: v.text, expectIntervention: v.expect === "" ? null : v.expect === "true" };
  return (
    <form onSubmit={form.submit(values)} className="mt-6 grid gap-3 border-t border-slate-200 pt-4 md:grid-cols-3" aria-label="Save a test case">
      <h3 className="text-sm font-semibold text-slate-800 md:col-span-3">Save a test case</h3>
      <Field id="case-name" label="Name" error={form.errors.name}>
        <input id="case-name" className={inputClass} value={v.name} onChange={(e) => setV({ ...v, name: e.target.value })} {...ariaFor("case-name", form.errors.name)} />
      </Field>
      <Field id="case-source" label="Source" error={form.errors.source}>
        <select id="case-source" className={inputClass} value={v.source} onChange={(e) => setV({ ...v, source: e.target.value as GuardrailSource })}>
          <option value="INPUT">INPUT</option>
          <option value="OUTPUT">OUTPUT</option>
        </select>
      </Field>
      <Field id="case-expect" label="Expected verdict" error={form.errors.expectIntervention}>
        <select id="case-expect" className={inputClass} value={v.expect} onChange={(e) => setV({ ...v, expect: e.target.value })}>
          <option value="">No expectation</option>
          <option value="true">Intervene</option>
          <option value="false">Let through</option>
        </select>
      </Field>
      <Field id="case-text" label="Text" error={form.errors.text} className="md:col-span-3">
        <textarea id="case-text" rows={3} maxLength={LIMITS.benchText} className={inputClass} value={v.text} onChange={(e) => setV({ ...v, text: e.target.value })} {...ariaFor("case-text", form.errors.text)} />
      </Field>
      <div className="space-y-3 md:col-span-3">
        {form.alert}
        <div className="flex justify-end"><Button type="submit" disabled={form.pending}>{form.pending ? "Saving…" : "Save test case"}</Button></div>
      </div>
    </form>
  );
}
