"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { createDatasetVersionAction } from "@/app/(console)/datasets/actions";
import { createDatasetVersionSchema } from "@/lib/datasets/schemas";

/** "Create version": freezes the draft items as the next number, with a commit message. */
export function CreateDatasetVersionButton({ datasetId, nextNumber, disabledReason }: { datasetId: string; nextNumber: number; disabledReason?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const { errors, submit, pending, alert } = useActionForm(createDatasetVersionSchema, (input) => createDatasetVersionAction(datasetId, input), (v) => {
    toast(`Version ${v.number} created`);
    setOpen(false);
    setMessage("");
    router.refresh();
  });
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={Boolean(disabledReason)} title={disabledReason} aria-haspopup="dialog">Create version</Button>
      {open ? (
        <Dialog title={`Create version ${nextNumber}`} description="The draft items are frozen as this version. Versions never change afterwards." onClose={() => !pending && setOpen(false)}>
          <form onSubmit={submit({ message })} noValidate className="space-y-4">
            <Field id="version-message" label="Commit message" hint="What changed and why (at most 200 characters)." error={errors.message}>
              <input id="version-message" className={inputClass} value={message} {...ariaFor("version-message", errors.message)} onChange={(e) => setMessage(e.target.value)} />
            </Field>
            {alert}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>Cancel</Button>
              <Button type="submit" disabled={pending}>{pending ? "Creating…" : `Confirm: create version ${nextNumber}`}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
