"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/shell/toaster";
import { actionError, byField, type ActionError } from "@/components/ui/form-errors";
import type { ActionResult } from "@/lib/actions/run-action";

/**
 * Runs a promotion or rollback action from a dialog. A refusal (wrong order, nothing to roll
 * back to, unpublished versions, someone else was first) stays visible in the dialog with the
 * server's reason, and the page is refreshed so it shows the state as it is now.
 */
export function useDeployAction(run: () => Promise<ActionResult<unknown>>, done: string, onDone: () => void) {
  const router = useRouter();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await run();
      if (!result.ok) throw actionError(result.error);
    },
    onMutate: () => {
      setRefusal(null);
      setErrors({});
    },
    onSuccess: () => {
      toast(done);
      onDone();
      router.refresh();
    },
    onError: (error: ActionError) => {
      setErrors(byField(error.details?.fields));
      setRefusal(error.message);
      router.refresh();
    },
  });
  return { mutate: () => mutation.mutate(), pending: mutation.isPending, refusal, errors, setErrors, reset: () => { setRefusal(null); setErrors({}); } };
}

export function Refusal({ message }: { message: string | null }) {
  if (!message) return null;
  return <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">{message}</p>;
}
