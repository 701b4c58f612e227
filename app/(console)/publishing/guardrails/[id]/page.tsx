import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getGuardrailOrThrow } from "@/lib/guardrails/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { RemoteGuardrailBench } from "@/components/playground/remote-guardrail-bench";
import { pickVersion, VersionLinks } from "@/components/publishing/version-links";

export const metadata = { title: "Publish guardrail" };

export default async function PublishGuardrailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const actor = await requirePagePermission("guardrail:read");
  const guardrail = await getGuardrailOrThrow({ db: db(), actor }, (await params).id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const numbers = guardrail.versions.map((v) => v.number);
  const selected = pickVersion((await searchParams).version, numbers);
  const version = guardrail.versions.find((v) => v.number === selected);
  return (
    <>
      <Link href={`/guardrails/${guardrail.id}`} className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← {guardrail.name}</Link>
      <PageHeader title={`Publish ${guardrail.name}`} description="Publish a version to Bedrock Guardrails per environment, and test the published version with ApplyGuardrail." />
      {version ? (
        <div className="space-y-6">
          <VersionLinks basePath={`/publishing/guardrails/${guardrail.id}`} versions={numbers} selected={version.number} />
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <PublishPanel resourceType="guardrail" versionId={version.id} versionNumber={version.number} />
            {can(actor, "guardrail:test") ? <RemoteGuardrailBench guardrailId={guardrail.id} versionNumber={version.number} /> : null}
          </div>
        </div>
      ) : (
        <EmptyState title="No versions yet">Create a version of this guardrail first: only versions are published.</EmptyState>
      )}
    </>
  );
}
