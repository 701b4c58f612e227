"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/shell/toaster";
import { operateUseCaseAction, submitUseCaseAction } from "@/app/(console)/use-cases/actions";

type Step = { key: "submit" | "mark-in-production" | "retire"; label: string; confirm: string; done: string };

const STEPS: Record<Step["key"], Step> = {
  submit: { key: "submit", label: "Submit for review", confirm: "Submit this use case for governance review? It cannot be edited while in review.", done: "Submitted for review" },
  "mark-in-production": { key: "mark-in-production", label: "Mark in production", confirm: "Record that this use case now runs in production?", done: "Marked in production" },
  retire: { key: "retire", label: "Retire", confirm: "Retire this use case? This cannot be undone.", done: "Use case retired" },
};

/** The owner's buttons for the current state, each behind an explicit confirmation. */
export function LifecycleActions({ id, canEdit, steps }: { id: string; canEdit: boolean; steps: Step["key"][] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<Step | null>(null);
  const mutation = useMutation({
    mutationFn: async (step: Step) => {
      const result = step.key === "submit" ? await submitUseCaseAction(id) : await operateUseCaseAction(id, step.key);
      if (!result.ok) throw new Error(result.error.message);
      return step;
    },
    onSuccess: (step) => {
      toast(step.done);
      setConfirming(null);
      router.refresh();
    },
  });
  const close = () => !mutation.isPending && setConfirming(null);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canEdit ? <Link href={`/use-cases/${id}/edit`} className={buttonClass("secondary")}>Edit</Link> : null}
      {steps.map((key) => (
        <Button key={key} variant={key === "retire" ? "secondary" : "primary"} onClick={() => setConfirming(STEPS[key])} aria-haspopup="dialog">
          {STEPS[key].label}
        </Button>
      ))}
      {confirming ? (
        <Dialog title={confirming.label} description={confirming.confirm} onClose={close}>
          <div className="flex justify-end gap-2">
            <Button variant="secondary" onClick={close} disabled={mutation.isPending} data-autofocus>Cancel</Button>
            <Button onClick={() => mutation.mutate(confirming)} disabled={mutation.isPending}>
              {mutation.isPending ? "Working…" : `Confirm: ${confirming.label.toLowerCase()}`}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
