"use client";

import { reviewReleaseAction } from "@/app/(console)/releases/actions";
import { reviewReleaseSchema } from "@/lib/releases/schemas";
import { ReviewForm } from "@/components/reviews/review-form";

/** A reviewer's decision with the comment that says why, or a question first; the server decides whether it counts. */
export function ReleaseReviewForm({ id, prohibited }: { id: string; prohibited: boolean }) {
  return (
    <ReviewForm
      schema={reviewReleaseSchema}
      maxComment={2000}
      review={(input) => reviewReleaseAction(id, input)}
      decided={(d) => (d.transitioned ? `Decision recorded: the release is now ${d.status.toLowerCase().replace("_", " ")}` : `Approval recorded (${d.approvals} of ${d.required})`)}
      prohibited={prohibited}
    />
  );
}
