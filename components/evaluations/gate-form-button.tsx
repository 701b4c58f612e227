"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { createGateAction, updateGateAction } from "@/app/(console)/evaluations/actions";
import { COMPARISON_SYMBOL } from "@/lib/evaluations/evaluate-gates";
import { COMPARISONS, gateSchema } from "@/lib/evaluations/schemas";
import type { GateDto } from "@/lib/evaluations/queries";

type Comparison = (typeof COMPARISONS)[number];

const LABELS: Record<Comparison, string> = { GTE: ">= at least", GT: "> more than", LTE: "<= at most", LT: "< less than" };

/** The dialog's fields as saved (or blank for a new gate). */
const fieldsOf = (gate?: GateDto) => ({ metric: gate?.metric ?? "", comparison: gate?.comparison ?? ("GTE" as Comparison), threshold: gate ? String(gate.threshold) : "" });

/** "Add gate" (no gate) or "Edit" (a gate): metric, comparison and threshold in a dialog. */
export function GateFormButton({ useCaseId, gate }: { useCaseId: string; gate?: GateDto }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [{ metric, comparison, threshold }, setFields] = useState(() => fieldsOf(gate));
  const set = (changes: Partial<ReturnType<typeof fieldsOf>>) => setFields((old) => ({ ...old, ...changes }));
  const action = (input: unknown) => (gate ? updateGateAction(gate.id, input) : createGateAction({ ...(input as object), useCaseId }));
  const { errors, submit, pending, clearErrors, alert } = useActionForm(gateSchema, action, (saved) => {
    toast(`Gate ${saved.metric} ${COMPARISON_SYMBOL[saved.comparison]} ${saved.threshold} saved`);
    setOpen(false);
    router.refresh();
  });
  // An empty or non-numeric threshold reaches the schema as what it is, so it says why.
  const values = { metric: metric.trim(), comparison, threshold: (threshold.trim() === "" ? undefined : Number(threshold)) as number };
  // Each opening starts from the saved gate: what was typed before a Cancel is discarded.
  const openDialog = () => {
    setFields(fieldsOf(gate));
    setOpen(true);
  };
  const close = () => {
    if (pending) return;
    clearErrors();
    setOpen(false);
  };
  const id = gate ? `gate-${gate.id}` : "gate-new";
  return (
    <>
      <Button variant={gate ? "secondary" : "primary"} onClick={openDialog} aria-haspopup="dialog" aria-label={gate ? `Edit gate ${gate.metric} ${COMPARISON_SYMBOL[gate.comparison]} ${gate.threshold}` : undefined}>
        {gate ? "Edit" : "Add gate"}
      </Button>
      {open ? (
        <Dialog title={gate ? "Edit gate" : "Add a gate"} description="A run passes when every gate holds; a run that lacks the gate's metric fails it." onClose={close}>
          <form onSubmit={submit(values)} noValidate className="space-y-4">
            <Field id={`${id}-metric`} label="Metric" hint="As CI names it: lowercase letters, digits, _ and . (e.g. accuracy, latency_p95_ms)." error={errors.metric}>
              <input id={`${id}-metric`} className={`${inputClass} font-mono`} value={metric} {...ariaFor(`${id}-metric`, errors.metric)} onChange={(e) => set({ metric: e.target.value })} />
            </Field>
            <div className="grid grid-cols-2 gap-4">
              <Field id={`${id}-comparison`} label="Comparison" error={errors.comparison}>
                <select id={`${id}-comparison`} className={inputClass} value={comparison} onChange={(e) => set({ comparison: e.target.value as Comparison })}>
                  {COMPARISONS.map((c) => <option key={c} value={c}>{LABELS[c]}</option>)}
                </select>
              </Field>
              <Field id={`${id}-threshold`} label="Threshold" error={errors.threshold}>
                <input id={`${id}-threshold`} inputMode="decimal" className={`${inputClass} font-mono`} value={threshold} {...ariaFor(`${id}-threshold`, errors.threshold)} onChange={(e) => set({ threshold: e.target.value })} />
              </Field>
            </div>
            <p className="rounded-md bg-slate-50 px-3 py-2 font-mono text-sm text-slate-800" aria-live="polite">
              {metric.trim() || "metric"} {COMPARISON_SYMBOL[comparison]} {threshold.trim() || "threshold"}
            </p>
            {alert}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={pending}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Saving…" : gate ? "Save gate" : "Add gate"}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
