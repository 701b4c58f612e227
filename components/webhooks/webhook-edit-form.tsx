"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { updateWebhookAction } from "@/app/(console)/settings/webhooks/actions";
import { updateWebhookSchema } from "@/lib/webhooks/schemas";
import { isWebhookEvent } from "@/lib/webhooks/events";
import type { WebhookDetail } from "@/lib/webhooks/queries";
import { WebhookEventCheckboxes } from "./webhook-event-checkboxes";

/** URL, description, events and whether deliveries go out at all (paused ones wait in the queue). */
export function WebhookEditForm({ webhook }: { webhook: WebhookDetail }) {
  const router = useRouter();
  const [v, setV] = useState({ url: webhook.url, description: webhook.description, events: webhook.events.filter(isWebhookEvent), active: webhook.active });
  const { errors, submit, pending, alert } = useActionForm(updateWebhookSchema, (input) => updateWebhookAction(webhook.id, input), () => {
    toast("Webhook saved");
    router.refresh();
  });
  return (
    <form onSubmit={submit(v)} noValidate className="space-y-5">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="webhook-edit-url" label="Payload URL" error={errors.url}>
          <input id="webhook-edit-url" type="url" className={`${inputClass} font-mono`} value={v.url} maxLength={2000} autoComplete="off" {...ariaFor("webhook-edit-url", errors.url)} onChange={(e) => setV({ ...v, url: e.target.value })} />
        </Field>
        <Field id="webhook-edit-description" label="Description" error={errors.description}>
          <input id="webhook-edit-description" className={inputClass} value={v.description} maxLength={200} {...ariaFor("webhook-edit-description", errors.description)} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </Field>
      </div>
      <WebhookEventCheckboxes idPrefix="webhook-edit" value={v.events} onChange={(events) => setV({ ...v, events })} error={errors.events} />
      <div className="flex items-start gap-3">
        <input id="webhook-edit-active" type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby="webhook-edit-active-hint" checked={v.active} onChange={(e) => setV({ ...v, active: e.target.checked })} />
        <div>
          <label htmlFor="webhook-edit-active" className="text-sm font-medium text-slate-900">Active</label>
          <p id="webhook-edit-active-hint" className="text-xs text-slate-500">While paused, no new events are queued and queued deliveries wait until it is active again.</p>
        </div>
      </div>
      {alert}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save changes"}</Button>
      </div>
    </form>
  );
}
