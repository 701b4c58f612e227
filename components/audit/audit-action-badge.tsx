import { Badge } from "@/components/ui/badge";
import { auditActionLabel } from "@/lib/audit/action-labels";
import { actionTone } from "./audit-labels";

/** The action in words ("Release: promoted"); its code, which the filters and exports use, on hover. */
export function AuditActionBadge({ action }: { action: string }) {
  return (
    <span title={action}>
      <Badge tone={actionTone(action)}>{auditActionLabel(action, { withResource: true })}</Badge>
    </span>
  );
}
