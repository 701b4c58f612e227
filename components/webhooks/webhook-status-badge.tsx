import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONE: Record<string, BadgeTone> = { PENDING: "amber", SUCCEEDED: "green", FAILED: "red" };
const LABEL: Record<string, string> = { PENDING: "Pending", SUCCEEDED: "Succeeded", FAILED: "Failed" };

export function DeliveryStatusBadge({ status, attempts }: { status: string; attempts?: number }) {
  const retrying = status === "PENDING" && attempts !== undefined && attempts > 0;
  return <Badge tone={TONE[status] ?? "gray"}>{retrying ? "Retrying" : (LABEL[status] ?? status)}</Badge>;
}

export function WebhookActiveBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">Active</Badge> : <Badge>Paused</Badge>;
}
