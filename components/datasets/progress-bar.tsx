/** A labelled progress bar; without a value it shows work whose length is unknown. */
export function ProgressBar({ label, value }: { label: string; value?: number }) {
  const percent = value === undefined ? undefined : Math.round(value * 100);
  return (
    <div className="space-y-1">
      <p className="text-sm text-slate-700">{label}{percent === undefined ? "" : ` ${percent}%`}</p>
      <div role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} className="h-2 w-full overflow-hidden rounded bg-slate-200">
        <div className={`h-full bg-indigo-600 ${percent === undefined ? "w-1/3 animate-pulse" : ""}`} style={percent === undefined ? undefined : { width: `${percent}%` }} />
      </div>
    </div>
  );
}
