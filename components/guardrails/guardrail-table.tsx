import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { listGuardrails } from "@/lib/guardrails/queries";
import type { GuardrailConfig } from "@/lib/guardrails/schemas";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = Awaited<ReturnType<typeof listGuardrails>>[number];

/** The policies a config uses, in Bedrock's names. */
export function policyNames(c: GuardrailConfig): string[] {
  return [
    c.topicPolicy ? "Topics" : "", c.contentPolicy ? "Content" : "", c.wordPolicy ? "Words" : "",
    c.sensitiveInformationPolicy ? "Sensitive info" : "", c.contextualGroundingPolicy ? "Grounding" : "",
  ].filter(Boolean);
}

export function GuardrailTable({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Guardrails">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Guardrail", "Use case", "Policies (draft)", "Latest version", "Draft saved"].map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((g) => (
            <tr key={g.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/guardrails/${g.id}`} className="font-medium text-indigo-700 hover:underline">{g.name}</Link>
                {g.description ? <p className="text-xs text-slate-500">{g.description}</p> : null}
              </td>
              <td className="px-4 py-3 text-slate-700">{g.useCase.name}</td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  {policyNames(g.draft).map((p) => <Badge key={p}>{p}</Badge>)}
                  {policyNames(g.draft).length === 0 ? <span className="text-xs text-slate-500">Messages only</span> : null}
                </span>
              </td>
              <td className="px-4 py-3">{g.latestVersion ? <Badge tone="indigo">v{g.latestVersion}</Badge> : <Badge tone="amber">Draft only</Badge>}</td>
              <td className="px-4 py-3 text-slate-600"><DateTime value={g.draftUpdatedAt} day /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
