"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor, check } from "@/components/ui/form-errors";
import { rollbackEnvironmentAction } from "@/app/(console)/environments/actions";
import { rollbackEnvironmentSchema } from "@/lib/deployments/schemas";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { ENV_NAMES } from "./format";
import { Refusal, useDeployAction } from "./use-deploy-action";

type Props = { useCaseId: string; useCaseName: string; environment: AwsEnvironmentName; currentRelease: number; rollbackTo: number };

/** Rollback behind a confirmation that names what will run afterwards and asks why. */
export function RollbackButton({ useCaseId, useCaseName, environment, currentRelease, rollbackTo }: Props) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const env = ENV_NAMES[environment];
  const action = useDeployAction(
    () => rollbackEnvironmentAction(useCaseId, environment, { comment }),
    `Rolled back ${useCaseName} in ${env}`,
    () => { setOpen(false); setComment(""); },
  );
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = check(rollbackEnvironmentSchema, { comment });
    action.setErrors(found.errors ?? {});
    if (!found.errors) action.mutate();
  };
  const close = () => { if (!action.pending) { setOpen(false); action.reset(); } };
  const id = `rollback-${useCaseId}-comment`;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} aria-label={`Roll back ${useCaseName} in ${env}`} aria-haspopup="dialog">Roll back</Button>
      {open ? (
        <Dialog
          title={`Roll back ${useCaseName} in ${env}?`}
          description={`Release #${rollbackTo} will run in ${env} again instead of release #${currentRelease}. Applications see it on their next request.`}
          onClose={close}
        >
          <form onSubmit={submit} noValidate className="space-y-4">
            <Field id={id} label="Reason" hint="Required: what went wrong. Recorded in the deployment history and the audit log." error={action.errors.comment}>
              <textarea id={id} rows={3} className={inputClass} value={comment} {...ariaFor(id, action.errors.comment)} onChange={(e) => setComment(e.target.value)} />
            </Field>
            <Refusal message={action.refusal} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={action.pending}>Cancel</Button>
              <Button type="submit" variant="danger" disabled={action.pending}>{action.pending ? "Rolling back…" : `Confirm rollback`}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
