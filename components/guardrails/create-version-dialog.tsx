"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
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
  return (
    <>
      <Button onClick={() => setOpen(true)}>Create version</Button>
      {open ? (
        <div role="dialog" aria-modal="true" aria-labelledby="create-version-title" className="fixed inset-0 z-40 grid place-items-center bg-slate-900/40 px-4">
          <form onSubmit={form.submit({ message })} className="w-full max-w-md space-y-4 rounded-lg bg-white p-6 shadow-xl">
            <h2 id="create-version-title" className="text-base font-semibold text-slate-900">Create version {nextNumber}</h2>
            <p className="text-sm text-slate-600">
              The saved draft becomes version {nextNumber}. Versions cannot be changed afterwards; unsaved edits on this page are not included.
            </p>
            <Field id="version-message" label="What changed" error={form.errors.message}>
              <textarea id="version-message" rows={3} className={inputClass} value={message} onChange={(e) => setMessage(e.target.value)} autoFocus {...ariaFor("version-message", form.errors.message)} />
            </Field>
            {form.alert}
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="submit" disabled={form.pending}>{form.pending ? "Creating…" : `Confirm: create version ${nextNumber}`}</Button>
            </div>
          </form>
        </div>
      ) : null}
    </>
  );
}
