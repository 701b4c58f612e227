import type { z } from "zod";
import { fieldErrors, type FieldError, type PublicError } from "@/lib/errors";

export type ActionError = Error & { details?: { fields?: FieldError[] } };

/** Turns a failed action result into a thrown error carrying the server's field errors. */
export function actionError(error: PublicError): ActionError {
  return Object.assign(new Error(error.message), { details: error.details as ActionError["details"] });
}

/** The top-level field an issue belongs to: "teamIds.0" (a bad value) belongs to "teamIds". */
const fieldOf = (path: string) => path.split(".")[0]!;

/** One message per form field: "teamIds.0" (a bad value) belongs to the "teamIds" group. */
export function byField(fields: FieldError[] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) errors[fieldOf(f.field)] ??= f.message;
  return errors;
}

/** Like byField, and also each issue under its full path ("kpis.0.name"), for forms with rows. */
export function byPathAndField(fields: FieldError[] = []): Record<string, string> {
  const errors = byField(fields);
  for (const f of fields) errors[f.field] ??= f.message;
  return errors;
}

/**
 * The issues no control shows: a form shows an issue when it looks up its message by the issue's
 * full path or by its top-level field. What is left — an unknown key, a whole-input rule
 * ("(body)"), a field the form has no input for — would otherwise be a silent refusal.
 */
export function unshownIssues(fields: FieldError[], lookedUp: ReadonlySet<string>): FieldError[] {
  return fields.filter((f) => !lookedUp.has(f.field) && !lookedUp.has(fieldOf(f.field)));
}

/** How an issue reads outside any field: "id: Unrecognized key", or the bare message for the whole input. */
export const describeIssue = (f: FieldError) => (f.field === "(body)" ? f.message : `${f.field}: ${f.message}`);

/** Client-side check with the schema the server uses: the parsed data, or the errors by field. */
export function check<S extends z.ZodType>(schema: S, values: unknown): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { data: parsed.data } : { errors: byField(fieldErrors(parsed.error)) };
}

/** aria-invalid / aria-describedby for a control whose Field shows `error`. */
export const ariaFor = (id: string, error?: string) => ({ "aria-invalid": Boolean(error) || undefined, "aria-describedby": error ? `${id}-error` : undefined });
