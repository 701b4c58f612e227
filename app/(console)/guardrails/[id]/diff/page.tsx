import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getGuardrailConfigOrThrow } from "@/lib/guardrails/queries";
import { diffGuardrailConfigs } from "@/lib/guardrails/diff";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { EmptyState } from "@/components/ui/empty-state";
import { loadGuardrailForPage } from "@/components/guardrails/load-guardrail-for-page";
import { GuardrailDiffView } from "@/components/guardrails/guardrail-diff-view";

const target = (raw: string | undefined, fallback: "DRAFT" | number): "DRAFT" | number => (raw === "DRAFT" ? "DRAFT" : /^[1-9]\d{0,8}$/.test(raw ?? "") ? Number(raw) : fallback);

export default async function GuardrailDiffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const actor = await requirePagePermission("guardrail:read");
  const g = await loadGuardrailForPage(actor, (await params).id);
  if (g.latestVersion === 0) {
    return (
      <>
        <PageHeader title={`Compare ${g.name}`} actions={<Link href={`/guardrails/${g.id}`} className={buttonClass("secondary")}>Back to guardrail</Link>} />
        <EmptyState title="Nothing to compare yet">Create a version of this guardrail first; then compare it with the draft or with later versions.</EmptyState>
      </>
    );
  }
  const q = await searchParams;
  const from = target(q.from, Math.max(1, g.latestVersion - 1));
  const to = target(q.to, g.latestVersion || "DRAFT");
  const reader = { db: db(), actor };
  const configs = await Promise.all([getGuardrailConfigOrThrow(reader, g.id, from), getGuardrailConfigOrThrow(reader, g.id, to)]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const options = [...g.versions.map((v) => [String(v.number), `Version ${v.number}`]), ["DRAFT", "Draft"]];
  return (
    <>
      <PageHeader title={`${g.name}: ${configs[0].label} → ${configs[1].label}`} description="What was added, removed or changed in each policy." actions={<Link href={`/guardrails/${g.id}`} className={buttonClass("secondary")}>Back to guardrail</Link>} />
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        {(["from", "to"] as const).map((name) => (
          <div key={name}>
            <label htmlFor={`diff-${name}`} className="text-sm font-medium text-slate-800">{name === "from" ? "From" : "To"}</label>
            <select id={`diff-${name}`} name={name} defaultValue={String(name === "from" ? from : to)} className={inputClass}>
              {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
            </select>
          </div>
        ))}
        <button type="submit" className={buttonClass("secondary")}>Compare</button>
      </form>
      <GuardrailDiffView diff={diffGuardrailConfigs(configs[0].config, configs[1].config)} />
    </>
  );
}
