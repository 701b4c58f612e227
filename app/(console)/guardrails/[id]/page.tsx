import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { can } from "@/lib/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { loadGuardrailForPage } from "@/components/guardrails/load-guardrail-for-page";
import { GuardrailEditor } from "@/components/guardrails/guardrail-editor";
import { CreateVersionDialog } from "@/components/guardrails/create-version-dialog";
import { VersionList } from "@/components/guardrails/version-list";
import { PublishPanel } from "@/components/publishing/publish-panel";

export default async function GuardrailPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("guardrail:read");
  const g = await loadGuardrailForPage(actor, (await params).id);
  const canEdit = can(actor, "guardrail:edit", g);
  const latest = g.versions[0];
  return (
    <>
      <PageHeader
        title={g.name}
        description={<span className="flex flex-wrap items-center gap-2">Use case <Link className="text-indigo-700 hover:underline" href={`/use-cases/${g.useCase.id}`}>{g.useCase.name}</Link><Badge tone={g.latestVersion ? "indigo" : "amber"}>{g.latestVersion ? `Latest v${g.latestVersion}` : "Draft only"}</Badge></span>}
        actions={
          <>
            {can(actor, "guardrail:test") ? <Link href={`/guardrails/${g.id}/bench`} className={buttonClass("secondary")}>Test bench</Link> : null}
            {g.latestVersion ? <Link href={`/guardrails/${g.id}/diff?from=${g.latestVersion}&to=DRAFT`} className={buttonClass("secondary")}>Diff draft</Link> : null}
            {canEdit ? <CreateVersionDialog id={g.id} nextNumber={g.latestVersion + 1} /> : null}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-[1fr_320px]">
        <div>
          {canEdit ? null : <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">Read only: editing needs the guardrail:edit permission for this use case&apos;s team.</p>}
          <GuardrailEditor id={g.id} draft={g.draft} readOnly={!canEdit} />
        </div>
        <div className="space-y-6">
          <Card title="Versions"><VersionList guardrailId={g.id} versions={g.versions} /></Card>
          {latest ? (
            <div className="space-y-2">
              {/* Publishing is built in components/publishing (another area); shown here for the latest version. */}
              <PublishPanel resourceType="guardrail" versionId={latest.id} versionNumber={latest.number} />
              <Link href={`/publishing/guardrails/${g.id}`} className="text-sm font-medium text-indigo-700 hover:underline">Publish another version, or test it in Bedrock →</Link>
            </div>
          ) : null}
        </div>
      </div>
    </>
  );
}
