import type { z } from "zod";
import { fieldErrors, type FieldError, type PublicError } from "@/lib/errors";

export type ActionError = Error & { details?: { fields?: FieldError[] } };

/** Turns a failed action result into a thrown error carrying the server's field errors. */
export function actionError(error: PublicError): ActionError {
  return Object.assign(new Error(error.message), { details: error.details as ActionError["details"] });
}

/** One message per form field: "teamIds.0" (a bad value) belongs to the "teamIds" group. */
export function byField(fields: FieldError[] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) errors[f.field.split(".")[0]!] ??= f.message;
  return errors;
}

/** Client-side check with the schema the server uses: the parsed data, or the errors by field. */
export function check<S extends z.ZodType>(schema: S, values: unknown): { data: z.output<S>; errors?: undefined } | { data?: undefined; errors: Record<string, string> } {
  const parsed = schema.safeParse(values);
  return parsed.success ? { data: parsed.data } : { errors: byField(fieldErrors(parsed.error)) };
}

/** aria-invalid / aria-describedby for a control whose Field shows `error`. */
export const ariaFor = (id: string, error?: string) => ({ "aria-invalid": Boolean(error) || undefined, "aria-describedby": error ? `${id}-error` : undefined });
