import { formatDateTime, formatDay } from "@/lib/format-date";

/**
 * A point in time as people read it ("14 May 2026, 09:05 UTC"), machine-readable in `dateTime`
 * and exact to the millisecond on hover. `day` drops the time for calendar dates.
 */
export function DateTime({ value, day = false, className }: { value: string; day?: boolean; className?: string }) {
  return (
    <time dateTime={value} title={day ? undefined : value} className={className}>
      {day ? formatDay(value) : formatDateTime(value)}
    </time>
  );
}
