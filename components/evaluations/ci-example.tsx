/** How CI posts a run: the curl command shown on the empty run list and the upload page. */
export function CiExample({ useCaseId }: { useCaseId?: string }) {
  const body = JSON.stringify(
    {
      useCaseId: useCaseId ?? "uc_…",
      candidate: "$GIT_COMMIT",
      datasetId: "ds_…",
      datasetVersion: 1,
      metrics: [{ name: "accuracy", value: 0.91 }, { name: "latency_p95_ms", value: 2100 }],
      items: [{ itemIndex: 0, input: { ticket: "Printer on fire" }, output: "hardware", expected: "hardware", passed: true }],
      externalUrl: "$CI_JOB_URL",
    },
    null,
    2,
  );
  const command = `curl -sS -X POST "$STRATA_URL/api/v1/evaluation-runs" \\\n  -H "Authorization: Bearer $STRATA_TOKEN" \\\n  -H "Content-Type: application/json" \\\n  --data @- <<EOF\n${body}\nEOF`;
  return (
    <div className="space-y-2 text-left">
      <p className="text-sm text-slate-600">
        CI posts a run with an API token of the owning team that has the <code className="font-mono text-xs">evaluations:write</code> scope. The answer (201) carries{" "}
        <code className="font-mono text-xs">passed</code> and each gate&apos;s verdict, so the job can fail when a gate does. Full contract: <a className="text-indigo-700 underline hover:no-underline" href="/api/v1/openapi.json">OpenAPI</a>.
      </p>
      <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-4 text-xs leading-relaxed text-slate-100">{command}</pre>
    </div>
  );
}
