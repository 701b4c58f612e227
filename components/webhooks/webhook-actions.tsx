"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { toast } from "@/components/shell/toaster";
import type { ActionResult } from "@/lib/actions/run-action";
import { deleteWebhookAction, rotateWebhookSecretAction, sendTestWebhookDeliveryAction } from "@/app/(console)/settings/webhooks/actions";
import { WebhookSecretPanel } from "./webhook-secret-panel";

function useRun<T>(run: () => Promise<ActionResult<T>>, onSuccess: (data: T) => void) {
  return useMutation({
    mutationFn: async () => {
      const result = await run();
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    },
    onSuccess,
    onError: (error) => toast(error.message, "error"),
  });
}

type Confirm = "rotate" | "delete" | null;

/** Send a test delivery, rotate the secret (shown once) and delete (behind a confirmation). */
export function WebhookActions({ id, url, active, deliveryCount }: { id: string; url: string; active: boolean; deliveryCount: number }) {
  const router = useRouter();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const test = useRun(() => sendTestWebhookDeliveryAction(id), () => {
    toast("Test delivery queued: it goes out within a few seconds");
    router.refresh();
  });
  const rotate = useRun(() => rotateWebhookSecretAction(id), (data) => {
    setConfirm(null);
    setSecret(data.secret);
  });
  const remove = useRun(() => deleteWebhookAction(id), () => {
    toast("Webhook deleted");
    router.push("/settings/webhooks");
    router.refresh();
  });
  const busy = rotate.isPending || remove.isPending;
  const close = () => !busy && setConfirm(null);

  return (
    <>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => test.mutate()} disabled={test.isPending || !active} title={active ? undefined : "Activate the webhook first"}>
          {test.isPending ? "Queuing…" : "Send test delivery"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirm("rotate")} aria-haspopup="dialog">Rotate secret</Button>
        <Button variant="secondary" className="text-rose-700" onClick={() => setConfirm("delete")} aria-haspopup="dialog">Delete</Button>
      </div>
      {secret ? (
        <Dialog title="New signing secret" onClose={() => undefined} size="lg">
          <WebhookSecretPanel secret={secret} title="The secret was rotated" onDone={() => setSecret(null)} />
        </Dialog>
      ) : null}
      {confirm ? (
        <Dialog title={confirm === "rotate" ? "Rotate the signing secret?" : "Delete this webhook?"} onClose={close}>
          <div className="text-sm text-slate-600">
            {confirm === "rotate" ? (
              <>From the next attempt on, deliveries are signed with a new secret and the current one stops verifying. Update the receiver right after.</>
            ) : (
              <>
                <span className="break-all font-mono text-slate-800">{url}</span> stops receiving events at once, and its delivery log
                ({deliveryCount} deliver{deliveryCount === 1 ? "y" : "ies"}) is deleted with it. To stop deliveries for a while, pause it instead.
              </>
            )}
          </div>
          <div className="mt-6 flex justify-end gap-2">
            <Button variant="secondary" onClick={close} data-autofocus>Cancel</Button>
            <Button variant="danger" disabled={busy} onClick={() => (confirm === "rotate" ? rotate.mutate() : remove.mutate())}>
              {confirm === "rotate" ? (rotate.isPending ? "Rotating…" : "Rotate secret") : remove.isPending ? "Deleting…" : "Delete webhook"}
            </Button>
          </div>
        </Dialog>
      ) : null}
    </>
  );
}
