"use client";

import { useEffect } from "react";
import type { FieldError } from "@/lib/errors";
import { describeIssue, unshownIssues } from "./form-errors";

/** A refused submit: the server's message (null when the client-side check refused it) and its issues. */
export type Failure = { message: string | null; issues: FieldError[]; seq: number };

/**
 * What no field of the form shows, next to its submit button: issues nobody looked up, or a
 * refusal that names no field. Announced (role="alert"); remounted per failure so that the same
 * refusal twice is announced twice. Rendered through useActionForm's `alert`.
 */
export function FormAlert({ failure, lookedUp, register }: { failure: Failure | null; lookedUp: ReadonlySet<string>; register: () => () => void }) {
  useEffect(register, [register]);
  if (!failure) return null;
  const unshown = unshownIssues(failure.issues, lookedUp);
  if (failure.issues.length > 0 && unshown.length === 0) return null;
  return (
    <div key={failure.seq} role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-inset ring-rose-200">
      {unshown.length === 0 ? (
        <p>{failure.message}</p>
      ) : (
        <>
          <p className="font-medium">Nothing was changed:</p>
          <ul className="mt-1 list-disc pl-5">
            {unshown.map((issue) => <li key={`${issue.field}:${issue.message}`}>{describeIssue(issue)}</li>)}
          </ul>
        </>
      )}
    </div>
  );
}
