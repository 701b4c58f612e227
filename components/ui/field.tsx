import { cloneElement, isValidElement } from "react";
import { cn } from "./cn";

export const inputClass =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 aria-[invalid=true]:ring-rose-500";

/** The ids a control whose Field shows `hint` and/or `error` is described by, hint first. */
export function describedBy(id: string, { hint, error }: { hint?: unknown; error?: unknown }): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type ControlProps = { id?: string; "aria-describedby"?: string };

/**
 * A labelled form control with its hint and error, wired for screen readers: when the control is
 * the direct child (its id is the Field's), it is described by the hint and the error together,
 * on top of whatever else it already names. A control nested deeper wires `describedBy` itself.
 */
export function Field({ id, label, hint, error, children, className }: { id: string; label: string; hint?: string; error?: string; children: React.ReactNode; className?: string }) {
  const control =
    isValidElement<ControlProps>(children) && children.props.id === id
      ? cloneElement(children, { "aria-describedby": merge(describedBy(id, { hint, error }), children.props["aria-describedby"]) })
      : children;
  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {control}
      {hint ? <p id={`${id}-hint`} className="text-xs text-slate-600">{hint}</p> : null}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs font-medium text-rose-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function merge(...lists: (string | undefined)[]): string | undefined {
  const ids = [...new Set(lists.flatMap((l) => l?.split(/\s+/).filter(Boolean) ?? []))];
  return ids.length ? ids.join(" ") : undefined;
}
