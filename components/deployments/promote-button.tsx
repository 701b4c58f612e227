"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { promoteReleaseAction, promoteReleaseToProdAction } from "@/app/(console)/environments/actions";
import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { ENV_NAMES } from "./format";
import { Refusal, useDeployAction } from "./use-deploy-action";

type Props = {
  releaseId: string;
  releaseNumber: number;
  environment: AwsEnvironmentName;
  connected: boolean;
  /** Pinned versions not yet published to the environment's AWS account. */
  unpublished: string[];
  /** The release running there now, which this one replaces. */
  replaces: number | null;
  variant?: "primary" | "secondary";
};

/** "Promote to preprod" behind a confirmation; offers to publish missing versions first. */
export function PromoteButton({ releaseId, releaseNumber, environment, connected, unpublished, replaces, variant = "primary" }: Props) {
  const [open, setOpen] = useState(false);
  const [comment, setComment] = useState("");
  const [publishMissing, setPublishMissing] = useState(false);
  const env = ENV_NAMES[environment];
  const run = () => {
    const input = { environment, publishMissing, comment };
    return environment === "PROD" ? promoteReleaseToProdAction(releaseId, input) : promoteReleaseAction(releaseId, input);
  };
  const action = useDeployAction(run, `Release #${releaseNumber} promoted to ${env}`, () => { setOpen(false); setComment(""); });
  const close = () => { if (!action.pending) { setOpen(false); action.reset(); } };
  const id = `promote-${environment}-comment`;
  return (
    <>
      <Button variant={variant} onClick={() => setOpen(true)} aria-haspopup="dialog">Promote to {env}</Button>
      {open ? (
        <Dialog
          title={`Promote release #${releaseNumber} to ${env}?`}
          description={`${replaces ? `It replaces release #${replaces}` : "It will be the first release"} in ${env}; applications reading the runtime configuration get it on their next request.`}
          onClose={close}
        >
          <form onSubmit={(e) => { e.preventDefault(); action.mutate(); }} noValidate className="space-y-4">
            {connected ? null : <p className="text-sm text-slate-600">No AWS connection is configured for {env}: the configuration will carry no Bedrock ids.</p>}
            {unpublished.length ? (
              <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
                <p className="font-medium">Not yet published to the {env} AWS account:</p>
                <ul className="mt-1 list-disc pl-5">{unpublished.map((u) => <li key={u}>{u}</li>)}</ul>
                <label className="mt-3 flex items-center gap-2">
                  <input type="checkbox" checked={publishMissing} onChange={(e) => setPublishMissing(e.target.checked)} className="h-4 w-4 rounded border-slate-300 text-indigo-600" />
                  Publish missing versions first
                </label>
              </div>
            ) : null}
            <Field id={id} label="Comment (optional)" hint="Why now, ticket number… Shown in the deployment history." error={action.errors.comment}>
              <input id={id} className={inputClass} value={comment} {...ariaFor(id, action.errors.comment)} onChange={(e) => setComment(e.target.value)} />
            </Field>
            <Refusal message={action.refusal} />
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={action.pending}>Cancel</Button>
              <Button type="submit" disabled={action.pending}>{action.pending ? "Promoting…" : `Confirm: promote to ${env}`}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
