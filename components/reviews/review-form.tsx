"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import type { ActionResult } from "@/lib/actions/run-action";
import type { z } from "zod";
import type { reviewSchema } from "@/lib/use-cases/schemas";

type Decision = "APPROVE" | "REQUEST_CHANGES" | "REJECT";
type Choice = Decision | "NONE";

const CHOICES: { value: Choice; label: string }[] = [
  { value: "NONE", label: "No decision yet" },
  { value: "APPROVE", label: "Approve" },
  { value: "REQUEST_CHANGES", label: "Request changes" },
  { value: "REJECT", label: "Reject" },
];

type ReviewSchema = ReturnType<typeof reviewSchema>;
type Props<T> = {
  schema: ReviewSchema;
  maxComment: number;
  review: (input: z.input<ReviewSchema>) => Promise<ActionResult<T>>;
  /** The toast after a decision was recorded (a comment says so itself). */
  decided: (data: T) => string;
  prohibited: boolean;
  intro?: React.ReactNode;
};

/**
 * A reviewer's decision with the comment that says why — or only a comment, to ask before
 * deciding. Nothing is preselected: choosing is the reviewer's act. The server decides whether
 * it counts (separation of duties, approvals needed).
 */
export function ReviewForm<T>({ schema, maxComment, review, decided, prohibited, intro }: Props<T>) {
  const router = useRouter();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [comment, setComment] = useState("");
  const decision = choice === null || choice === "NONE" ? null : choice;
  const form = useActionForm(schema, review, (data) => {
    toast(decision ? decided(data) : "Comment posted");
    setChoice(null);
    setComment("");
    router.refresh();
  });
  const errors = form.errors;
  return (
    <form onSubmit={form.submit({ decision, comment })} noValidate className="space-y-4" aria-label="Review">
      {intro}
      <fieldset aria-describedby={errors.decision ? "review-decision-error" : undefined}>
        <legend className="text-sm font-medium text-slate-800">Decision</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {CHOICES.filter((c) => !(prohibited && c.value === "APPROVE")).map((c) => (
            <label key={c.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="decision" value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
              {c.label}
            </label>
          ))}
        </div>
        {errors.decision ? <p id="review-decision-error" role="alert" className="mt-1.5 text-xs font-medium text-rose-700">{errors.decision}</p> : null}
      </fieldset>
      <Field id="review-comment" label="Comment" hint="With a decision, say why. Without one, it asks before you decide: nothing changes and it counts as no approval." error={errors.comment}>
        <textarea
          id="review-comment" rows={3} maxLength={maxComment} className={inputClass} value={comment} onChange={(e) => setComment(e.target.value)}
          aria-invalid={Boolean(errors.comment) || undefined} aria-describedby={errors.comment ? "review-comment-error" : "review-comment-hint"}
        />
      </Field>
      {form.alert}
      <Button type="submit" disabled={form.pending}>{form.pending ? "Sending…" : decision ? "Record decision" : "Post comment"}</Button>
    </form>
  );
}
