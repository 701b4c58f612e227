"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { Field, inputClass } from "@/components/ui/field";
import { useActionForm } from "@/components/ui/use-action-form";
import { ariaFor } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { createGuardrailVersionAction } from "@/app/(console)/guardrails/actions";
import { createVersionSchema } from "@/lib/guardrails/schemas";

/** Freezes the saved DRAFT as the next numbered version, after an explicit confirmation. */
export function CreateVersionDialog({ id, nextNumber }: { id: string; nextNumber: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const form = useActionForm(createVersionSchema, (input) => createGuardrailVersionAction(id, input), (v) => {
    toast(`Version ${v.number} created`);
    setOpen(false);
    setMessage("");
    router.refresh();
  });
  const close = () => !form.pending && setOpen(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} aria-haspopup="dialog">Create version</Button>
      {open ? (
        <Dialog title={`Create version ${nextNumber}`} description={`The saved draft becomes version ${nextNumber}. Versions cannot be changed afterwards; unsaved edits on this page are not included.`} onClose={close}>
          <form onSubmit={form.submit({ message })} noValidate className="space-y-4">
            <Field id="version-message" label="What changed" error={form.errors.message}>
              <textarea id="version-message" rows={3} className={inputClass} value={message} onChange={(e) => setMessage(e.target.value)} {...ariaFor("version-message", form.errors.message)} />
            </Field>
            {form.alert}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={close} disabled={form.pending}>Cancel</Button>
              <Button type="submit" disabled={form.pending}>{form.pending ? "Creating…" : `Confirm: create version ${nextNumber}`}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
