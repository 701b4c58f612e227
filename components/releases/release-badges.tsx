import { Badge, type BadgeTone } from "@/components/ui/badge";
import { RELEASE_STATUS_LABEL, type ReleaseStatusName } from "@/lib/releases/schemas";

const TONE: Record<ReleaseStatusName, BadgeTone> = { DRAFT: "gray", SUBMITTED: "blue", APPROVED: "green", CHANGES_REQUESTED: "amber", REJECTED: "red" };

export function ReleaseStatusBadge({ status }: { status: ReleaseStatusName }) {
  return <Badge tone={TONE[status]}>{RELEASE_STATUS_LABEL[status]}</Badge>;
}

/** "1 of 2 approvals"; a prohibited use case's releases can never be approved. */
export function approvalsText(approvals: number, needed: number | null) {
  return needed === null ? "Never (prohibited)" : `${approvals} of ${needed}`;
}

