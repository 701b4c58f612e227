"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { toast } from "@/components/shell/toaster";
import { Dialog } from "@/components/ui/dialog";
import { createPromptVersionAction } from "@/app/(console)/prompts/actions";
import { createVersionSchema } from "@/lib/prompts/schemas";
import { byPath, checkPaths, toActionError, type PromptActionError } from "./prompt-errors";

/** "Create version": freezes the saved draft as the next number, with a commit message. */
export function CreateVersionButton({ promptId, nextNumber, disabledReason }: { promptId: string; nextNumber: number; disabledReason?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await createPromptVersionAction(promptId, { message });
      if (!result.ok) throw toActionError(result.error);
      return result.data;
    },
    onSuccess: (v) => {
      toast(`Version ${v.number} created`);
      setOpen(false);
      setMessage("");
      router.refresh();
    },
    onError: (error: PromptActionError) => {
      setErrors(byPath(error.details?.fields));
      toast(error.message, "error");
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found = checkPaths(createVersionSchema, { message });
    setErrors(found ?? {});
    if (!found) mutation.mutate();
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={Boolean(disabledReason)} title={disabledReason} aria-haspopup="dialog">Create version</Button>
      {open ? (
        <Dialog title={`Create version ${nextNumber}`} description="The saved draft is frozen as this version. Versions never change afterwards." onClose={() => !mutation.isPending && setOpen(false)}>
          <form onSubmit={submit} noValidate className="space-y-4">
            <Field id="version-message" label="Commit message" hint="What changed and why (at most 200 characters)." error={errors.message}>
              <input id="version-message" className={inputClass} value={message} {...ariaFor("version-message", errors.message)} onChange={(e) => setMessage(e.target.value)} />
            </Field>
            <div className="flex justify-end gap-2">
              <Button variant="secondary" onClick={() => setOpen(false)} disabled={mutation.isPending}>Cancel</Button>
              <Button type="submit" disabled={mutation.isPending}>{mutation.isPending ? "Creating…" : `Confirm: create version ${nextNumber}`}</Button>
            </div>
          </form>
        </Dialog>
      ) : null}
    </>
  );
}
