import type { getUseCaseOrThrow } from "@/lib/use-cases/queries";
import { CLASSIFICATION_LABEL } from "./labels";
import { OverdueBadge } from "./use-case-badges";
import { DateTime } from "@/components/ui/date-time";

type UseCase = Awaited<ReturnType<typeof getUseCaseOrThrow>>;

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

export function UseCaseOverview({ u }: { u: UseCase }) {
  return (
    <div className="space-y-5">
      <p className="whitespace-pre-line text-sm text-slate-700">{u.description || "No description."}</p>
      <dl className="grid grid-cols-2 gap-5 md:grid-cols-3">
        <Item label="Owning team">{u.team.name}</Item>
        <Item label="Business owner">{u.businessOwner}</Item>
        <Item label="Audience">{u.audience === "INTERNAL" ? "Internal" : "External"}</Item>
        <Item label="Data classification">{CLASSIFICATION_LABEL[u.dataClassification]}</Item>
        <Item label="Personal data">{u.handlesPersonalData ? "Yes" : "No"}</Item>
        <Item label="Cost-allocation tag">{u.costAllocationTag ? <code className="font-mono">{u.costAllocationTag}</code> : "—"}</Item>
        <Item label="Next review">
          <span className="mr-2">{u.nextReviewDate ? <DateTime value={u.nextReviewDate} day /> : "Not scheduled"}</span>
          {u.isReviewOverdue ? <OverdueBadge /> : null}
        </Item>
        <Item label="Slug"><code className="font-mono">{u.slug}</code></Item>
      </dl>
      <div>
        <h3 className="text-xs font-medium uppercase tracking-wide text-slate-500">Business KPIs</h3>
        {u.kpis.length ? (
          <ul className="mt-2 divide-y divide-slate-100 rounded-md border border-slate-200">
            {u.kpis.map((k, i) => (
              <li key={i} className="flex justify-between px-3 py-2 text-sm"><span>{k.name}</span><span className="font-medium">{k.target}</span></li>
            ))}
          </ul>
        ) : <p className="mt-1 text-sm text-slate-500">None defined.</p>}
      </div>
    </div>
  );
}
