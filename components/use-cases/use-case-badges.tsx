import { Badge } from "@/components/ui/badge";
import { STATUS_LABEL, TIER_LABEL } from "./labels";

export function StatusBadge({ status }: { status: string }) {
  const [label, tone] = STATUS_LABEL[status] ?? [status, "gray"];
  return <Badge tone={tone}>{label}</Badge>;
}

export function RiskBadge({ tier }: { tier: string }) {
  const [label, tone] = TIER_LABEL[tier] ?? [tier, "gray"];
  return <Badge tone={tone}>{label}</Badge>;
}

export function OverdueBadge() {
  return <Badge tone="red">Review overdue</Badge>;
}
