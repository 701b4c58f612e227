"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { reviewUseCaseAction } from "@/app/(console)/use-cases/actions";
import { reviewUseCaseSchema } from "@/lib/use-cases/schemas";

const DECISIONS = [
  { value: "APPROVE", label: "Approve" },
  { value: "REQUEST_CHANGES", label: "Request changes" },
  { value: "REJECT", label: "Reject" },
] as const;

export function ReviewPanel({ id, approvalsNeeded, approvalsSoFar, prohibited }: { id: string; approvalsNeeded: number; approvalsSoFar: number; prohibited: boolean }) {
  const router = useRouter();
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]["value"]>(prohibited ? "REJECT" : "APPROVE");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await reviewUseCaseAction(id, { decision, comment });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      toast("Decision recorded");
      setComment("");
      router.refresh();
    },
  });
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = reviewUseCaseSchema.safeParse({ decision, comment });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message);
    setError(undefined);
    mutation.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Review decision">
      <p className="text-sm text-slate-600">
        {prohibited
          ? "Prohibited use cases can never be approved: reject it or request changes to its risk tier."
          : `${approvalsSoFar} of ${approvalsNeeded} approval${approvalsNeeded === 1 ? "" : "s"} from different reviewers so far.`}
      </p>
      <fieldset className="flex flex-wrap gap-4">
        <legend className="sr-only">Decision</legend>
        {DECISIONS.filter((d) => !(prohibited && d.value === "APPROVE")).map((d) => (
          <label key={d.value} className="flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name="decision" value={d.value} checked={decision === d.value} onChange={() => setDecision(d.value)} />
            {d.label}
          </label>
        ))}
      </fieldset>
      <Field id="review-comment" label="Comment" error={error}>
        <textarea id="review-comment" rows={3} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={Boolean(error) || undefined} />
      </Field>
      <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Recording…" : "Record decision"}</Button>
    </form>
  );
}
