// The one way Strata writes a point in time.
//
// People read "14 May 2026, 09:05 UTC": day-month order with the month spelt out cannot be misread
// as US or ISO order, and the time is always UTC so a reviewer in Berlin, an engineer in Bangalore
// and the audit log say the same thing (and the server-rendered page matches the hydrated one).
// Machines read ISO-8601 in UTC ("2026-05-14T09:05:00.000Z", Date#toISOString): JSON, CSV and
// the API carry that, because every language parses it and it sorts as text.
//
// The parts are assembled by hand rather than with Intl so the output does not depend on the ICU
// data of the Node or browser build.

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

type DateInput = string | Date;

const toDate = (value: DateInput) => (typeof value === "string" ? new Date(value) : value);
const pad = (n: number) => String(n).padStart(2, "0");

/** "14 May 2026" — for calendar dates (a review due date) and day-granular columns. */
export function formatDay(value: DateInput): string {
  const d = toDate(value);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "14 May 2026, 09:05 UTC" — every timestamp a person reads, on pages and in the Markdown evidence. */
export function formatDateTime(value: DateInput): string {
  const d = toDate(value);
  return `${formatDay(d)}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())} UTC`;
}

/** "2026-05-14T09:05:00.000Z" — every timestamp a program reads (exports, API, `<time dateTime>`). */
export function formatIso(value: DateInput): string {
  return toDate(value).toISOString();
}
