"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useMutation } from "@tanstack/react-query";
import { Button, buttonClass } from "@/components/ui/button";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { toast } from "@/components/shell/toaster";
import { copyReleaseAction, deleteReleaseAction } from "@/app/(console)/releases/actions";

type Props = { id: string; number: number; status: string; canEdit: boolean };

/** Edit / Delete while a draft; "New attempt" (a copy) once the release can no longer change. */
export function ReleaseActions({ id, number, status, canEdit }: Props) {
  const router = useRouter();
  const copy = useMutation({
    mutationFn: async () => {
      const result = await copyReleaseAction(id);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess: (d) => {
      toast(`Release #${d.number} drafted with the same pins`);
      router.push(`/releases/${d.id}/edit`);
    },
    onError: (e) => toast(e.message, "error"),
  });
  if (!canEdit) return null;
  if (status === "DRAFT") {
    return (
      <div className="flex gap-2">
        <Link href={`/releases/${id}/edit`} className={buttonClass("secondary")}>Edit</Link>
        <ConfirmActionButton
          label="Delete"
          title={`Delete draft release #${number}?`}
          confirmLabel="Delete draft"
          pendingLabel="Deleting…"
          done="Draft deleted"
          run={async () => {
            const result = await deleteReleaseAction(id);
            if (result.ok) router.push("/releases");
            return result;
          }}
        >
          The draft and its pins are removed. Submitted releases are never deleted.
        </ConfirmActionButton>
      </div>
    );
  }
  const label = status === "CHANGES_REQUESTED" || status === "REJECTED" ? "New attempt" : "Copy as new draft";
  return <Button variant={status === "CHANGES_REQUESTED" ? "primary" : "secondary"} onClick={() => copy.mutate()} disabled={copy.isPending}>{copy.isPending ? "Copying…" : label}</Button>;
}
