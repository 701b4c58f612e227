import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { loadWebhookForPage } from "@/components/webhooks/load-webhook-for-page";
import { WebhookActions } from "@/components/webhooks/webhook-actions";
import { WebhookActiveBadge } from "@/components/webhooks/webhook-status-badge";
import { WebhookDeliveryLog } from "@/components/webhooks/webhook-delivery-log";
import { WebhookEditForm } from "@/components/webhooks/webhook-edit-form";
import { WebhookSignatureDocs } from "@/components/webhooks/webhook-signature-docs";

export const metadata = { title: "Webhook" };

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ page?: string }> }) {
  const actor = await requirePagePermission("webhook:manage");
  const { webhook, log, watching } = await loadWebhookForPage(actor, (await params).id, (await searchParams).page);
  const c = webhook.deliveryCounts;
  return (
    <>
      <Link href="/settings/webhooks" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Webhooks</Link>
      <PageHeader
        title={webhook.description || "Webhook"}
        description={<span className="flex flex-wrap items-center gap-2"><span className="break-all font-mono">{webhook.url}</span><WebhookActiveBadge active={webhook.active} /></span>}
        actions={<WebhookActions id={webhook.id} url={webhook.url} active={webhook.active} deliveryCount={log.total} />}
      />
      <div className="space-y-6">
        <Card title="Delivery log" actions={<span className="text-xs text-slate-500">{c.SUCCEEDED} succeeded · {c.PENDING} pending · {c.FAILED} failed</span>}>
          <WebhookDeliveryLog webhookId={webhook.id} log={log} watching={watching} />
        </Card>
        <Card title="Settings"><WebhookEditForm webhook={webhook} /></Card>
        <Card title="Verifying deliveries"><WebhookSignatureDocs /></Card>
      </div>
    </>
  );
}
