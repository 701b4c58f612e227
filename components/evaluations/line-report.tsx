import type { LineError } from "@/lib/evaluations/parse-run-file";

/** Every problem of the file: its line, the field at fault and why. */
export function LineReport({ errors }: { errors: LineError[] }) {
  if (errors.length === 0) return <p className="text-sm text-emerald-700">Every line is valid.</p>;
  const lines = new Set(errors.filter((e) => e.line > 0).map((e) => e.line)).size;
  return (
    <div className="space-y-2">
      <p className="text-sm text-rose-700">
        {errors.length} problem{errors.length === 1 ? "" : "s"}{lines ? ` on ${lines} line${lines === 1 ? "" : "s"}` : ""}. A run is evidence: fix the file and choose it again — nothing is uploaded while a line is bad.
      </p>
      <div className="max-h-80 overflow-auto rounded border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Validation report">
          <thead className="sticky top-0 bg-slate-50">
            <tr>{["Line", "Field", "Reason"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e, i) => (
              <tr key={i}>
                <td className="px-3 py-1.5 text-slate-700">{e.line || "—"}</td>
                <td className="px-3 py-1.5 font-mono text-xs text-slate-800">{e.field}</td>
                <td className="px-3 py-1.5 text-slate-700">{e.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
