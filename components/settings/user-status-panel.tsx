"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { updateUserAction } from "@/app/(console)/settings/users/actions";
import { Dialog } from "@/components/ui/dialog";

type Props = { user: { id: string; name: string; isActive: boolean }; isSelf: boolean; canManage: boolean };

/** Activate or deactivate, behind a confirmation. Deactivating keeps the account and its history. */
export function UserStatusPanel({ user, isSelf, canManage }: Props) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const next = !user.isActive;
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await updateUserAction(user.id, { isActive: next });
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      toast(next ? `${user.name} can sign in again` : `${user.name} deactivated`);
      setConfirming(false);
      router.refresh();
    },
    onError: (error) => {
      toast(error.message, "error");
      setConfirming(false);
      router.refresh();
    },
  });
  const close = () => !mutation.isPending && setConfirming(false);

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700">
        {user.isActive ? "Active: this person can sign in." : "Inactive: this person cannot sign in. Their history is kept."}
      </p>
      {isSelf ? (
        <p className="text-sm text-slate-500">You cannot deactivate your own account.</p>
      ) : canManage ? (
        <Button variant={user.isActive ? "danger" : "primary"} onClick={() => setConfirming(true)} aria-haspopup="dialog">
          {user.isActive ? "Deactivate user" : "Reactivate user"}
        </Button>
      ) : null}
      {confirming ? (
        <Dialog title={next ? `Reactivate ${user.name}?` : `Deactivate ${user.name}?`} onClose={close}>
          <p className="text-sm text-slate-600">
            {next
              ? "They can sign in again with their existing password or single sign-on, with the role and teams shown here."
              : "They are signed out at their next request and cannot sign in again until reactivated. Their account, team memberships and audit history are kept."}
          </p>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={close} data-autofocus>Cancel</Button>
            <Button variant={next ? "primary" : "danger"} onClick={() => mutation.mutate()} disabled={mutation.isPending}>
              {mutation.isPending ? "Saving…" : next ? "Reactivate" : "Deactivate"}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </div>
  );
}
