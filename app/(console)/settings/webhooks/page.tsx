import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listWebhooks } from "@/lib/webhooks/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { WebhookCreateForm } from "@/components/webhooks/webhook-create-form";
import { WebhookTable } from "@/components/webhooks/webhook-table";
import { WebhookSignatureDocs } from "@/components/webhooks/webhook-signature-docs";

export const metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requirePagePermission("webhook:manage");
  const rows = await listWebhooks({ db: db(), actor });
  return (
    <>
      <Link href="/settings" className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← Settings</Link>
      <PageHeader title="Webhooks" description="Tell other systems — chat bridges, CMDBs, deployment tooling — when releases move. Every delivery is signed and retried until it lands." />
      <div className="space-y-6">
        {rows.length === 0 ? (
          <EmptyState title="No webhooks yet">Register a payload URL below and pick the events it should hear about: submitted, approved, rejected, promoted, rolled back, or a failed evaluation gate.</EmptyState>
        ) : (
          <WebhookTable rows={rows} />
        )}
        <Card title="Register a webhook"><WebhookCreateForm /></Card>
        <Card title="Verifying deliveries"><WebhookSignatureDocs /></Card>
      </div>
    </>
  );
}
