import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { can } from "@/lib/permissions";
import { getPromptOrThrow } from "@/lib/prompts/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { PlaygroundPanel } from "@/components/playground/playground-panel";
import { pickVersion, VersionLinks } from "@/components/publishing/version-links";

export const metadata = { title: "Publish prompt" };

export default async function PublishPromptPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> }) {
  const actor = await requirePagePermission("prompt:read");
  const prompt = await getPromptOrThrow({ db: db(), actor }, (await params).id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const numbers = prompt.versions.map((v) => v.number);
  const selected = pickVersion((await searchParams).version, numbers);
  const version = prompt.versions.find((v) => v.number === selected);
  const canRun = can(actor, "prompt:run", { teamId: prompt.useCase.team.id });
  return (
    <>
      <Link href={`/prompts/${prompt.id}`} className="mb-2 inline-block text-sm text-slate-500 hover:text-indigo-700">← {prompt.name}</Link>
      <PageHeader title={`Publish ${prompt.name}`} description="Publish a version to Bedrock Prompt Management per environment, and run it on Bedrock." />
      {version ? (
        <div className="space-y-6">
          <VersionLinks basePath={`/publishing/prompts/${prompt.id}`} versions={numbers} selected={version.number} />
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <PublishPanel resourceType="prompt" versionId={version.id} versionNumber={version.number} />
            {canRun ? <PlaygroundPanel promptId={prompt.id} versionNumber={version.number} /> : null}
          </div>
        </div>
      ) : (
        <EmptyState title="No versions yet">Create a version of this prompt first: only versions are published.</EmptyState>
      )}
    </>
  );
}
