import { Badge } from "@/components/ui/badge";

/** Passed / failed, for a run, a gate or an item (null: the item carries no verdict). */
export function VerdictBadge({ passed, label, className }: { passed: boolean | null; label?: string; className?: string }) {
  if (passed === null) return <Badge className={className}>No verdict</Badge>;
  return passed ? <Badge tone="green" className={className}>{label ?? "Passed"}</Badge> : <Badge tone="red" className={className}>{label ?? "Failed"}</Badge>;
}
