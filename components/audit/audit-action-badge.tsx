import { Badge } from "@/components/ui/badge";
import { actionTone } from "./audit-labels";

export function AuditActionBadge({ action }: { action: string }) {
  return (
    <Badge tone={actionTone(action)} className="font-mono">
      {action}
    </Badge>
  );
}
