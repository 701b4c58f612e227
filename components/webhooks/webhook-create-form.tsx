"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { createWebhookAction } from "@/app/(console)/settings/webhooks/actions";
import { createWebhookSchema } from "@/lib/webhooks/schemas";
import type { WebhookEvent } from "@/lib/webhooks/events";
import { WebhookEventCheckboxes } from "./webhook-event-checkboxes";
import { WebhookSecretPanel } from "./webhook-secret-panel";

const initial = () => ({ url: "", description: "", events: ["release.approved", "release.promoted"] as WebhookEvent[] });

/** Registers a receiver; validates with the server's schema, then shows the secret once. */
export function WebhookCreateForm() {
  const router = useRouter();
  const [v, setV] = useState(initial);
  const [created, setCreated] = useState<{ secret: string; id: string; url: string } | null>(null);
  const { errors, submit, pending, alert } = useActionForm(createWebhookSchema, createWebhookAction, ({ secret, webhook }) => {
    setCreated({ secret, id: webhook.id, url: webhook.url });
    setV(initial());
    router.refresh();
  });

  if (created) {
    return <WebhookSecretPanel secret={created.secret} title={`Webhook for ${created.url} registered`} onDone={() => router.push(`/settings/webhooks/${created.id}`)} />;
  }
  return (
    <form onSubmit={submit(v)} noValidate className="space-y-5">
      <div className="grid grid-cols-1 gap-5 md:grid-cols-2">
        <Field id="webhook-url" label="Payload URL" hint="Strata POSTs signed JSON here (http or https)." error={errors.url}>
          <input id="webhook-url" type="url" className={`${inputClass} font-mono`} value={v.url} maxLength={2000} autoComplete="off" placeholder="https://hooks.example.com/strata" {...ariaFor("webhook-url", errors.url)} onChange={(e) => setV({ ...v, url: e.target.value })} />
        </Field>
        <Field id="webhook-description" label="Description" hint="Who receives it, e.g. “#release-train Slack bridge”." error={errors.description}>
          <input id="webhook-description" className={inputClass} value={v.description} maxLength={200} {...ariaFor("webhook-description", errors.description)} onChange={(e) => setV({ ...v, description: e.target.value })} />
        </Field>
      </div>
      <WebhookEventCheckboxes idPrefix="webhook-create" value={v.events} onChange={(events) => setV({ ...v, events })} error={errors.events} />
      {alert}
      <div className="flex justify-end">
        <Button type="submit" disabled={pending}>{pending ? "Registering…" : "Register webhook"}</Button>
      </div>
    </form>
  );
}
