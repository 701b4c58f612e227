import type { RowError } from "@/lib/datasets/parse-dataset-file";

/** Every bad row of the file: its number, the field at fault and why. */
export function ValidationReport({ errors, format }: { errors: RowError[]; format: "csv" | "jsonl" }) {
  if (errors.length === 0) return <p className="text-sm text-emerald-700">Every row is valid.</p>;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">
        {errors.length} problem{errors.length === 1 ? "" : "s"} in {new Set(errors.map((e) => e.row)).size} row(s). {format === "csv" ? "Rows are counted from the header (row 1)." : "Rows are line numbers."} These rows will not be imported.
      </p>
      <div className="max-h-80 overflow-auto rounded border border-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm" aria-label="Validation report">
          <thead className="sticky top-0 bg-slate-50">
            <tr>{["Row", "Field", "Reason"].map((h) => <th key={h} scope="col" className="px-3 py-2 text-left font-semibold text-slate-700">{h}</th>)}</tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {errors.map((e, i) => (
              <tr key={i}>
                <td className="px-3 py-1.5 text-slate-700">{e.row}</td>
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
