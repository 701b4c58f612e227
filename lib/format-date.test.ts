import { describe, expect, it } from "vitest";
import { formatDateTime, formatDay, formatIso } from "./format-date";

describe("format-date", () => {
  it("writes one human format, always in UTC, from a string or a Date", () => {
    expect(formatDateTime("2026-05-14T09:05:59.999Z")).toBe("14 May 2026, 09:05 UTC");
    expect(formatDateTime(new Date("2026-12-01T23:30:00+02:00"))).toBe("1 Dec 2026, 21:30 UTC");
    expect(formatDay("2027-03-31")).toBe("31 Mar 2027");
    expect(formatDay("2026-01-01T00:00:00Z")).toBe("1 Jan 2026");
  });

  it("writes ISO-8601 UTC for machines", () => {
    expect(formatIso(new Date("2026-05-14T11:05:00+02:00"))).toBe("2026-05-14T09:05:00.000Z");
  });
});
