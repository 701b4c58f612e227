import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { listPrompts } from "@/lib/prompts/queries";
import { TableScroll } from "@/components/ui/table-scroll";
import { DateTime } from "@/components/ui/date-time";

type Row = Awaited<ReturnType<typeof listPrompts>>["items"][number];


export function PromptTable({ rows }: { rows: Row[] }) {
  return (
    <TableScroll label="Prompts">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50">
          <tr>
            {["Prompt", "Use case", "Type", "Latest version", "Draft updated"].map((h) => (
              <th key={h} scope="col" className="px-4 py-3 text-left font-semibold text-slate-700">{h}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((p) => (
            <tr key={p.id} className="hover:bg-slate-50">
              <td className="px-4 py-3">
                <Link href={`/prompts/${p.id}`} className="font-mono font-medium text-indigo-700 hover:underline">{p.name}</Link>
                {p.description ? <p className="text-xs text-slate-500">{p.description}</p> : null}
              </td>
              <td className="px-4 py-3">
                <Link href={`/use-cases/${p.useCase.id}`} className="text-slate-800 hover:underline">{p.useCase.name}</Link>
                <p className="text-xs text-slate-500">{p.useCase.team.name}</p>
              </td>
              <td className="px-4 py-3"><Badge tone={p.type === "CHAT" ? "violet" : "blue"}>{p.type === "CHAT" ? "Chat" : "Text"}</Badge></td>
              <td className="px-4 py-3 text-slate-700">{p.latestVersion ? `v${p.latestVersion}` : <Badge>Draft only</Badge>}</td>
              <td className="px-4 py-3 text-slate-600"><DateTime value={p.draftUpdatedAt} day /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
