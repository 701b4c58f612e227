"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { toast } from "@/components/shell/toaster";
import { reviewReleaseAction } from "@/app/(console)/releases/actions";
import { reviewReleaseSchema } from "@/lib/releases/schemas";

const DECISIONS = [
  { value: "APPROVE", label: "Approve" },
  { value: "REQUEST_CHANGES", label: "Request changes" },
  { value: "REJECT", label: "Reject" },
] as const;

/** A reviewer's decision with the comment that says why; the server decides whether it counts. */
export function ReleaseReviewForm({ id, prohibited }: { id: string; prohibited: boolean }) {
  const router = useRouter();
  const [decision, setDecision] = useState<(typeof DECISIONS)[number]["value"]>(prohibited ? "REJECT" : "APPROVE");
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string>();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await reviewReleaseAction(id, { decision, comment });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (d) => {
      toast(d.transitioned ? `Decision recorded: the release is now ${d.status.toLowerCase().replace("_", " ")}` : `Approval recorded (${d.approvals} of ${d.required})`);
      setComment("");
      router.refresh();
    },
    onError: (e) => setError(e.message),
  });
  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = reviewReleaseSchema.safeParse({ decision, comment });
    if (!parsed.success) return setError(`Comment ${parsed.error.issues[0]?.message}`);
    setError(undefined);
    mutation.mutate();
  }
  return (
    <form onSubmit={submit} className="space-y-4" aria-label="Review decision">
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
        <textarea id="review-comment" rows={3} maxLength={2000} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={Boolean(error) || undefined} aria-describedby={error ? "review-comment-error" : undefined} />
      </Field>
      <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Recording…" : "Record decision"}</Button>
    </form>
  );
}
