"use client";

import { useState } from "react";
import { cn } from "@/components/ui/cn";

type Status = "added" | "removed" | "changed" | "same";
type FieldChange = { path: string; before: unknown; after: unknown; status: Status; hasBefore: boolean; hasAfter: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Nested objects become dotted paths ("team.name"); arrays and scalars stay whole values. */
function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (isRecord(value) && (Object.keys(value).length > 0 || !prefix)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  } else if (value !== null) {
    out.set("(value)", value);
  }
  return out;
}

function compare(before: unknown, after: unknown): FieldChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const paths = [...new Set([...b.keys(), ...a.keys()])].sort();
  return paths.map((path) => {
    const hasBefore = b.has(path);
    const hasAfter = a.has(path);
    const status: Status = !hasBefore ? "added" : !hasAfter ? "removed" : JSON.stringify(b.get(path)) === JSON.stringify(a.get(path)) ? "same" : "changed";
    return { path, before: b.get(path), after: a.get(path), status, hasBefore, hasAfter };
  });
}

function Value({ value, present, tone }: { value: unknown; present: boolean; tone?: "old" | "new" }) {
  if (!present) return <span className="text-slate-400">—</span>;
  const text = typeof value === "string" ? value : JSON.stringify(value, null, 2);
  return (
    <pre
      className={cn(
        "whitespace-pre-wrap break-all font-mono text-xs",
        value === null ? "text-slate-400" : "text-slate-800",
        tone === "old" && "rounded bg-rose-50 px-1 text-rose-900 line-through decoration-rose-300",
        tone === "new" && "rounded bg-emerald-50 px-1 text-emerald-900",
      )}
    >
      {text === "" ? "(empty)" : text}
    </pre>
  );
}

const STATUS_TEXT: Record<Status, string> = { added: "Added", removed: "Removed", changed: "Changed", same: "Unchanged" };

/** Before and after side by side, field by field: what the event actually changed stands out. */
export function AuditChangeView({ before, after }: { before: unknown; after: unknown }) {
  const [showSame, setShowSame] = useState(false);
  if (before === null && after === null) return <p className="text-sm text-slate-500">This event recorded no before or after state.</p>;
  const changes = compare(before, after);
  const same = changes.filter((c) => c.status === "same").length;
  const shown = showSame ? changes : changes.filter((c) => c.status !== "same");
  return (
    <div className="space-y-2">
      {shown.length ? (
        <table className="w-full table-fixed text-left text-sm">
          <caption className="sr-only">Fields before and after the event</caption>
          <thead className="text-xs uppercase tracking-wide text-slate-500">
            <tr>
              <th scope="col" className="w-1/5 py-1.5 pr-3 font-medium">Field</th>
              <th scope="col" className="w-2/5 py-1.5 pr-3 font-medium">Before</th>
              <th scope="col" className="w-2/5 py-1.5 font-medium">After</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {shown.map((c) => (
              <tr key={c.path}>
                <th scope="row" className="py-1.5 pr-3 font-mono text-xs font-normal text-slate-700">
                  {c.path}
                  <span className="sr-only"> ({STATUS_TEXT[c.status]})</span>
                </th>
                <td className="py-1.5 pr-3">
                  <Value value={c.before} present={c.hasBefore} tone={c.status === "changed" || c.status === "removed" ? "old" : undefined} />
                </td>
                <td className="py-1.5">
                  <Value value={c.after} present={c.hasAfter} tone={c.status === "changed" || c.status === "added" ? "new" : undefined} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-sm text-slate-500">No field changed.</p>
      )}
      {same > 0 ? (
        <button type="button" onClick={() => setShowSame((v) => !v)} className="text-xs font-medium text-indigo-700 hover:underline">
          {showSame ? "Hide unchanged fields" : `Show ${same} unchanged field${same === 1 ? "" : "s"}`}
        </button>
      ) : null}
      <details className="text-xs">
        <summary className="cursor-pointer font-medium text-slate-600 hover:text-slate-900">Raw JSON</summary>
        <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2">
          {[["Before", before] as const, ["After", after] as const].map(([label, value]) => (
            <div key={label}>
              <p className="mb-1 font-medium text-slate-600">{label}</p>
              <pre tabIndex={0} className="max-h-80 overflow-auto rounded-md bg-slate-900 p-3 font-mono text-slate-100">{JSON.stringify(value, null, 2)}</pre>
            </div>
          ))}
        </div>
      </details>
    </div>
  );
}
