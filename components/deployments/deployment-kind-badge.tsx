import { Badge } from "@/components/ui/badge";

export function DeploymentKindBadge({ kind }: { kind: "PROMOTION" | "ROLLBACK" }) {
  return kind === "ROLLBACK" ? <Badge tone="amber">Rollback</Badge> : <Badge tone="indigo">Promotion</Badge>;
}
