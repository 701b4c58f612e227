"use client";

import { reviewUseCaseAction } from "@/app/(console)/use-cases/actions";
import { reviewUseCaseSchema } from "@/lib/use-cases/schemas";
import { ReviewForm } from "@/components/reviews/review-form";

export function ReviewPanel({ id, approvalsNeeded, approvalsSoFar, prohibited }: { id: string; approvalsNeeded: number; approvalsSoFar: number; prohibited: boolean }) {
  return (
    <ReviewForm
      schema={reviewUseCaseSchema}
      maxComment={5000}
      review={(input) => reviewUseCaseAction(id, input)}
      decided={(d) => (d.transitioned ? "Decision recorded" : `Approval recorded (${d.approvals} of ${approvalsNeeded})`)}
      prohibited={prohibited}
      intro={
        <p className="text-sm text-slate-600">
          {prohibited
            ? "Prohibited use cases can never be approved: reject it or request changes to its risk tier."
            : `${approvalsSoFar} of ${approvalsNeeded} approval${approvalsNeeded === 1 ? "" : "s"} from different reviewers so far.`}
        </p>
      }
    />
  );
}
