"use client";

import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { deleteAwsConnectionAction } from "@/app/(console)/settings/aws-connections/actions";

/** Delete, behind a confirmation that says what stops working. */
export function DeleteConnectionButton({ environment }: { environment: string }) {
  return (
    <ConfirmActionButton
      label="Delete"
      variant="ghost"
      title={`Delete the ${environment} connection?`}
      confirmLabel="Delete connection"
      pendingLabel="Deleting…"
      done={`${environment} connection deleted`}
      run={() => deleteAwsConnectionAction(environment)}
    >
      Publishing, the playground and Bedrock&apos;s test bench stop working for {environment} until a connection is saved again.
      Existing publications keep their Bedrock ids and ARNs.
    </ConfirmActionButton>
  );
}
