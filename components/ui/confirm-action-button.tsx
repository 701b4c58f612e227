"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/shell/toaster";
import type { ActionResult } from "@/lib/actions/run-action";
import { Button, buttonClass, type ButtonVariant } from "./button";
import { Dialog } from "./dialog";

type Props = {
  /** The trigger button's text, look and accessible name. */
  label: string;
  variant?: ButtonVariant;
  triggerClassName?: string;
  ariaLabel?: string;
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  pendingLabel: string;
  done: string;
  run: () => Promise<ActionResult<unknown>>;
  /** Called after a successful run, before the page refreshes. */
  onDone?: () => void;
};

/**
 * A destructive or final step behind a confirmation that says what will happen. On failure
 * (e.g. someone else did it first) it says so and refreshes, so the page shows the state as it is.
 */
export function ConfirmActionButton({ label, variant = "secondary", triggerClassName, ariaLabel, title, children, confirmLabel, pendingLabel, done, run, onDone }: Props) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await run();
      if (!result.ok) throw new Error(result.error.message);
    },
    onSuccess: () => {
      toast(done);
      onDone?.();
    },
    onError: (error) => toast(error.message, "error"),
    onSettled: () => {
      setOpen(false);
      router.refresh();
    },
  });
  const close = () => !mutation.isPending && setOpen(false);
  return (
    <>
      <button type="button" className={buttonClass(variant, triggerClassName)} aria-label={ariaLabel} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open ? (
        <Dialog title={title} onClose={close}>
          <div className="text-sm text-slate-600">{children}</div>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={close} data-autofocus>Cancel</Button>
            <Button variant="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              {mutation.isPending ? pendingLabel : confirmLabel}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
