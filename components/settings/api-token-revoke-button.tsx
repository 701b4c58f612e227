"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { revokeApiTokenAction } from "@/app/(console)/settings/api-tokens/actions";

/** Revoke, behind a confirmation naming the token: revocation is final. */
export function ApiTokenRevokeButton({ id, name, prefix }: { id: string; name: string; prefix: string }) {
  return (
    <ConfirmActionButton
      label="Revoke"
      triggerClassName="px-2.5 py-1 text-xs"
      ariaLabel={`Revoke ${name}`}
      title={`Revoke “${name}”?`}
      confirmLabel="Revoke token"
      pendingLabel="Revoking…"
      done={`Token “${name}” revoked`}
      run={() => revokeApiTokenAction(id)}
    >
      Anything using <code className="font-mono text-slate-800">strata_{prefix}_…</code> — a CI pipeline, an application — is refused
      from its next request. Revocation cannot be undone; the token stays listed as revoked.
    </ConfirmActionButton>
  );
}
