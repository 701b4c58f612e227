/** An inline error for one control, referenced by the control's aria-describedby. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? <p id={`${id}-error`} role="alert" className="mt-1 text-xs font-medium text-rose-700">{error}</p> : null;
}

export const describedBy = (id: string, error?: string) => ({ "aria-invalid": Boolean(error) || undefined, "aria-describedby": error ? `${id}-error` : undefined });

/** Errors of a list as a whole (e.g. "at most 10 regexes") or of its policy object. */
export function PolicyErrors({ errors, prefixes }: { errors: Record<string, string>; prefixes: string[] }) {
  const messages = prefixes.map((p) => errors[p]).filter(Boolean);
  return messages.length ? <div role="alert" className="mb-3 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">{messages.join("; ")}</div> : null;
}
