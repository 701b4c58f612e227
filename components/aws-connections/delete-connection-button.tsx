"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { deleteAwsConnectionAction } from "@/app/(console)/settings/aws-connections/actions";

/** Delete, behind a confirmation that says what stops working. */
export function DeleteConnectionButton({ environment }: { environment: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = `delete-aws-${environment}-title`;
  const mutation = useMutation({
    mutationFn: async () => {
      const r = await deleteAwsConnectionAction(environment);
      if (!r.ok) throw new Error(r.error.message);
    },
    onSuccess: () => {
      toast(`${environment} connection deleted`);
      setConfirming(false);
      router.refresh();
    },
    onError: (e) => {
      toast(e.message, "error");
      setConfirming(false);
      router.refresh();
    },
  });
  const close = () => {
    if (mutation.isPending) return;
    setConfirming(false);
    trigger.current?.focus();
  };
  return (
    <>
      <button ref={trigger} type="button" className={buttonClass("ghost")} onClick={() => setConfirming(true)}>Delete</button>
      {confirming ? (
        <div role="dialog" aria-modal="true" aria-labelledby={titleId} className="fixed inset-0 z-40 grid place-items-center bg-slate-900/40 px-4" onKeyDown={(e) => e.key === "Escape" && close()}>
          <div className="w-full max-w-md rounded-lg bg-white p-6 text-left shadow-xl">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">Delete the {environment} connection?</h2>
            <p className="mt-2 text-sm text-slate-600">
              Publishing, the playground and Bedrock&apos;s test bench stop working for {environment} until a connection is saved again.
              Existing publications keep their Bedrock ids and ARNs.
            </p>
            <div className="mt-6 flex justify-end gap-2">
              <Button variant="secondary" onClick={close} autoFocus>Cancel</Button>
              <Button variant="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
                {mutation.isPending ? "Deleting…" : "Delete connection"}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
