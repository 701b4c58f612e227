import { fieldErrors, type FieldError, type PublicError } from "@/lib/errors";
import type { z } from "zod";

// The prompt forms show errors on nested fields ("inference.temperature", "messages.2.text"), so
// they keep the full path instead of the first segment as components/ui/form-errors does.

export type PromptActionError = Error & { details?: { fields?: FieldError[] } };

export function toActionError(error: PublicError): PromptActionError {
  return Object.assign(new Error(error.message), { details: error.details as PromptActionError["details"] });
}

export function byPath(fields: FieldError[] = []): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) errors[f.field] ??= f.message;
  return errors;
}

export function checkPaths<S extends z.ZodType>(schema: S, values: unknown): Record<string, string> | undefined {
  const parsed = schema.safeParse(values);
  return parsed.success ? undefined : byPath(fieldErrors(parsed.error));
}
