"use client";

import { useMutation } from "@tanstack/react-query";
import { createElement, useCallback, useEffect, useState } from "react";
import type { z } from "zod";
import { toast } from "@/components/shell/toaster";
import type { ActionResult } from "@/lib/actions/run-action";
import { fieldErrors, type FieldError } from "@/lib/errors";
import { actionError, byPathAndField, describeIssue, unshownIssues, type ActionError } from "./form-errors";
import { FormAlert, type Failure } from "./form-alert";

/**
 * The submit path every console form shares: validate with the schema the server uses, call the
 * server action, and show why when either refuses. `errors` holds each issue by its field (and
 * by its full path, for rows); `alert`, placed next to the submit button, shows what no field
 * shows — an issue whose field has no control on screen, or a refusal that names no field — so a
 * refused submit is never silent. A form that renders no `alert` gets those as a toast.
 */
export function useActionForm<S extends z.ZodType, T>(
  schema: S,
  action: (input: z.input<S>) => Promise<ActionResult<T>>,
  onSuccess: (data: T) => void,
) {
  const [failure, setFailure] = useState<Failure | null>(null);
  // Whether the form renders `alert` (it says so when it mounts); if not, toasts stand in for it.
  const [alertShown, setAlertShown] = useState(false);
  const fail = (message: string | null, issues: FieldError[]) => setFailure((old) => ({ message, issues, seq: (old?.seq ?? 0) + 1 }));
  const mutation = useMutation({
    mutationFn: async (input: z.input<S>) => {
      const result = await action(input);
      if (!result.ok) throw actionError(result.error);
      return result.data;
    },
    onSuccess,
    onError: (error: ActionError) => {
      fail(error.message, error.details?.fields ?? []);
      if (!alertShown) toast(error.message, "error");
    },
  });
  const submit = (values: z.input<S>) => (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = schema.safeParse(values);
    if (parsed.success) {
      setFailure(null);
      mutation.mutate(values);
    } else fail(null, fieldErrors(parsed.error));
  };

  // Which messages this render looks up: an issue nobody looks up has no control showing it.
  // Read by the alert (rendered after the fields) and by the toast fallback below.
  const lookedUp = new Set<string>();
  const errors = new Proxy(byPathAndField(failure?.issues), {
    get(target, key) {
      if (typeof key === "string") lookedUp.add(key);
      return Reflect.get(target, key);
    },
  });
  useEffect(() => {
    if (!failure || failure.message !== null || alertShown) return;
    const unshown = unshownIssues(failure.issues, lookedUp);
    if (unshown.length) toast(`Not saved — ${unshown.map(describeIssue).join("; ")}`, "error");
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per failure, with the lookups of the render that showed it
  }, [failure]);
  const registerAlert = useCallback(() => {
    setAlertShown(true);
    return () => setAlertShown(false);
  }, []);

  return {
    errors,
    submit,
    pending: mutation.isPending,
    clearErrors: () => setFailure(null),
    alert: createElement(FormAlert, { failure, lookedUp, register: registerAlert }),
  };
}
