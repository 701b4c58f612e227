"use client";

import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { z } from "zod";
import { toast } from "@/components/shell/toaster";
import type { ActionResult } from "@/lib/actions/run-action";
import { actionError, byField, check, type ActionError } from "./form-errors";

/**
 * The submit path every console form shares: validate with the schema the server uses, call the
 * server action, and show its field errors (or a toast) when it refuses.
 */
export function useActionForm<S extends z.ZodType, T>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  onSuccess: (data: T) => void,
) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: async (input: z.input<S>) => {
      const result = await action(input);
      if (!result.ok) throw actionError(result.error);
      return result.data;
    },
    onSuccess,
    onError: (error: ActionError) => {
      setErrors(byField(error.details?.fields));
      toast(error.message, "error");
    },
  });
  const submit = (values: z.input<S>) => (event: React.FormEvent) => {
    event.preventDefault();
    const result = check(schema, values);
    setErrors(result.errors ?? {});
    if (!result.errors) mutation.mutate(values);
  };
  return { errors, submit, pending: mutation.isPending, clearErrors: () => setErrors({}) };
}
