// Rendered on the server: a fixed locale and time zone keep every admin's view identical.
const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const MINUTE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short",
});

export const formatDay = (iso: string) => DAY.format(new Date(iso));
export const formatMinute = (iso: string) => MINUTE.format(new Date(iso));
