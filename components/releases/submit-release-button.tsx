"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { describeGate, type GateResult } from "@/lib/evaluations/evaluate-gates";
import { submitReleaseAction } from "@/app/(console)/releases/actions";

type Refusal = { message: string; gates?: GateResult[] };

/** Submits for approval; when refused, says why in place, with the failing gates listed. */
export function SubmitReleaseButton({ id }: { id: string }) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<Refusal>();
  const mutation = useMutation({
    mutationFn: async () => submitReleaseAction(id),
    onSuccess: (result) => {
      if (result.ok) {
        setRefusal(undefined);
        toast("Submitted for approval");
        router.refresh();
      } else {
        setRefusal({ message: result.error.message, gates: (result.error.details as { gates?: GateResult[] } | undefined)?.gates });
      }
    },
  });
  const failing = refusal?.gates?.filter((g) => !g.passed) ?? [];
  return (
    <div className="space-y-3">
      <Button onClick={() => mutation.mutate()} disabled={mutation.isPending}>{mutation.isPending ? "Submitting…" : "Submit for approval"}</Button>
      {refusal ? (
        <div role="alert" className="rounded-md bg-rose-50 p-3 text-sm text-rose-900 ring-1 ring-rose-200">
          <p className="font-medium">Submit refused</p>
          {failing.length ? (
            <>
              <p className="mt-1">The pinned run fails {failing.length} gate{failing.length === 1 ? "" : "s"}:</p>
              <ul className="mt-1 list-disc pl-5">
                {failing.map((g) => <li key={describeGate(g)}><span className="font-mono">{describeGate(g)}</span>: {g.reason}</li>)}
              </ul>
            </>
          ) : (
            <p className="mt-1">{refusal.message}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
