import { z } from "zod";

// Shared by the audit filter form (client-side checks) and the list and export services.

/** A blank field in a URL or a form means "no filter", not "match the empty string". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

const text = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, `must be at most ${max} characters`).optional());
const day = z.preprocess(blankToUndefined, z.iso.date("must be a date (YYYY-MM-DD)").optional());

const filterFields = z.object({
  /** Part of the actor's label ("Dana Whitfield <dana@…>", "API token ci"), any case. */
  actor: text(200),
  resourceType: text(100),
  resourceId: text(200),
  /** "use-case.submit" exactly; "use-case" also matches every "use-case.*"; a trailing * is a plain prefix. */
  action: text(200),
  /** Inclusive UTC days. */
  from: day,
  to: day,
  page: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").default(1),
  pageSize: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(200, "must be at most 200").default(50),
});

const rangeIsOrdered = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const rangeMessage = { message: "must be on or after the from date", path: ["to"] };

export const auditFilterSchema = filterFields.refine(rangeIsOrdered, rangeMessage);

/** An export covers every matching event, so paging does not apply. */
export const auditExportSchema = filterFields
  .omit({ page: true, pageSize: true })
  .extend({ format: z.enum(["csv", "json"], "must be csv or json").default("csv") })
  .refine(rangeIsOrdered, rangeMessage);

export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditFilter = z.output<typeof auditFilterSchema>;
export type AuditExportInput = z.input<typeof auditExportSchema>;
export type AuditExportFormat = z.output<typeof auditExportSchema>["format"];

/** The filter keys that travel in the URL (the list page, its pagination, the export links). */
export const AUDIT_FILTER_KEYS = ["actor", "resourceType", "resourceId", "action", "from", "to"] as const;
export type AuditFilterKey = (typeof AUDIT_FILTER_KEYS)[number];

/** Only the known, non-blank filter values from a query string: nothing else is carried along. */
export function pickAuditFilters(raw: Record<string, string | string[] | undefined>): Partial<Record<AuditFilterKey, string>> {
  const picked: Partial<Record<AuditFilterKey, string>> = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = raw[key];
    if (typeof value === "string" && value.trim() !== "") picked[key] = value;
  }
  return picked;
}

/**
 * The list page's query string: the known filters plus paging. A hand-edited URL with a bad
 * value yields no filters at all and `invalid`, so the page can say so instead of failing.
 */
export function readAuditSearchParams(raw: Record<string, string | string[] | undefined>) {
  const requested: Record<string, string> = { ...pickAuditFilters(raw) };
  for (const key of ["page", "pageSize"]) {
    const value = raw[key];
    if (typeof value === "string" && value !== "") requested[key] = value;
  }
  const invalid = !auditFilterSchema.safeParse(requested).success;
  const params = invalid ? {} : requested;
  return { params, filters: pickAuditFilters(params), invalid };
}
