import type { ConnectionTestResult } from "@/lib/aws/connection-tester";
import { AwsErrorView } from "./aws-error";
import { DateTime } from "@/components/ui/date-time";

/** One row per capability: what works, and for what fails, AWS's answer. */
export function ConnectionTestResultView({ result }: { result: ConnectionTestResult }) {
  return (
    <div>
      <p className="text-xs text-slate-500">Tested <DateTime value={result.testedAt} /></p>
      <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200" aria-label="Capabilities">
        {result.capabilities.map((c) => (
          <li key={c.key} className="flex items-start gap-3 px-3 py-2 text-sm">
            <span aria-hidden className={c.ok ? "text-emerald-600" : "text-rose-600"}>{c.ok ? "✓" : "✕"}</span>
            <div className="min-w-0 flex-1">
              <p className="font-medium text-slate-900">
                {c.label} <span className="font-mono text-xs font-normal text-slate-500">{c.operation}</span>
                <span className="sr-only">{c.ok ? " works" : " fails"}</span>
              </p>
              {c.ok ? <p className="text-xs text-slate-600">{c.detail}</p> : <AwsErrorView kind={c.kind} name={c.errorName} message={c.message} />}
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
