"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/shell/toaster";
import { redeliverWebhookDeliveryAction } from "@/app/(console)/settings/webhooks/actions";

/** Queues a failed delivery again with a fresh attempt budget (same delivery id and payload). */
export function WebhookRedeliverButton({ webhookId, deliveryId }: { webhookId: string; deliveryId: string }) {
  const router = useRouter();
  const mutation = useMutation({
    mutationFn: async () => {
      const result = await redeliverWebhookDeliveryAction(webhookId, deliveryId);
      if (!result.ok) throw new Error(result.error.message);
    },
    onSuccess: () => toast("Delivery queued again"),
    onError: (error) => toast(error.message, "error"),
    onSettled: () => router.refresh(),
  });
  return (
    <Button variant="secondary" className="px-2.5 py-1 text-xs" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
      {mutation.isPending ? "Queuing…" : "Redeliver"}
    </Button>
  );
}
