"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { revokeApiTokenAction } from "@/app/(console)/settings/api-tokens/actions";

/** Revoke, behind a confirmation naming the token: revocation is final. */
export function ApiTokenRevokeButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const titleId = `revoke-${id}-title`;
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await revokeApiTokenAction(id);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: () => {
      toast(`Token “${name}” revoked`);
      setConfirming(false);
      router.refresh();
    },
    // E.g. revoked meanwhile by another admin: say so and show the list as it now is.
    onError: (error) => {
      toast(error.message, "error");
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
      {/* A plain <button> (same look) because focus returns here when the dialog closes. */}
      <button ref={trigger} type="button" className={buttonClass("secondary", "px-2.5 py-1 text-xs")} aria-label={`Revoke ${name}`} onClick={() => setConfirming(true)}>
        Revoke
      </button>
      {confirming ? (
        <div
          role="dialog"
          aria-modal="true"
          aria-labelledby={titleId}
          className="fixed inset-0 z-40 grid place-items-center bg-slate-900/40 px-4"
          onKeyDown={(e) => e.key === "Escape" && close()}
        >
          <div className="w-full max-w-md rounded-lg bg-white p-6 text-left shadow-xl">
            <h2 id={titleId} className="text-base font-semibold text-slate-900">Revoke “{name}”?</h2>
            <p className="mt-2 text-sm text-slate-600">
              Anything using <code className="font-mono text-slate-800">strata_{prefix}_…</code> — a CI pipeline, an application —
              is refused from its next request. Revocation cannot be undone; the token stays listed as revoked.
            </p>
            <div className="mt-6 flex justify-end gap-2">
              <Button variant="secondary" onClick={close} autoFocus>Cancel</Button>
              <Button variant="danger" onClick={() => mutation.mutate()} disabled={mutation.isPending}>
                {mutation.isPending ? "Revoking…" : "Revoke token"}
              </Button>
            </div>
          </div>
        </div>
      ) : null}
    </>
  );
}
