"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { resetUserPasswordAction, unlockUserAction } from "@/app/(console)/settings/users/actions";
import { resetPasswordSchema } from "@/lib/users/schemas";
import type { UserDto } from "@/lib/users/serialize";
import { actionError, byField, check, type ActionError } from "@/components/ui/form-errors";
import { PasswordInput } from "./password-input";
import { SignInThrottleStatus } from "./sign-in-throttle-status";

/** Sign-in throttle state, clearing it, and password reset (which clears it too). */
export function UserPasswordPanel({ user, canManage }: { user: UserDto; canManage: boolean }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string>();
  const reset = useMutation({
    mutationFn: async (input: { password: string }) => {
      const result = await resetUserPasswordAction(user.id, input);
      if (!result.ok) throw actionError(result.error);
      return result.data;
    },
    onSuccess: () => {
      toast(user.signInThrottle.failures > 0 ? "Password reset and failed sign-ins cleared" : "Password reset");
      setPassword("");
      router.refresh();
    },
    onError: (e: ActionError) => {
      setError(byField(e.details?.fields).password);
      toast(e.message, "error");
    },
  });
  const unlock = useMutation({
    mutationFn: async () => {
      const result = await unlockUserAction(user.id);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      toast(`${user.name} can try signing in again`);
      router.refresh();
    },
    onError: (e) => {
      toast(e.message, "error");
      router.refresh();
    },
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = check(resetPasswordSchema, { password });
    setError(result.errors?.password);
    if (!result.errors) reset.mutate(result.data);
  }

  return (
    <div className="space-y-5">
      <div className="text-sm text-slate-700" role="status">
        <SignInThrottleStatus throttle={user.signInThrottle} />
        {canManage && user.signInThrottle.failures > 0 ? (
          <Button variant="secondary" className="mt-3" onClick={() => unlock.mutate()} disabled={unlock.isPending}>
            {unlock.isPending ? "Clearing…" : "Clear failed sign-ins"}
          </Button>
        ) : null}
      </div>
      {user.isSso ? (
        <p className="border-t border-slate-200 pt-4 text-sm text-slate-600">This account signs in with single sign-on. Its password is managed by the identity provider, not by Strata.</p>
      ) : canManage ? (
        <form onSubmit={submit} noValidate className="space-y-3 border-t border-slate-200 pt-4" aria-label="Reset password">
          <PasswordInput id="reset-password" label="New password" value={password} onChange={setPassword} error={error} />
          <p className="text-xs text-slate-500">Resetting also clears failed sign-ins from every address. The old password stops working at once.</p>
          <Button type="submit" disabled={reset.isPending}>{reset.isPending ? "Resetting…" : "Reset password"}</Button>
        </form>
      ) : null}
    </div>
  );
}
