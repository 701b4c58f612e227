import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { listPrompts } from "@/lib/prompts/queries";

type Row = Awaited<ReturnType<typeof listPrompts>>["items"][number];

const date = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export function PromptTable({ rows }: { rows: Row[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
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
              <td className="px-4 py-3 text-slate-600">{date(p.draftUpdatedAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
