import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { userNames } from "@/lib/prompts/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { loadPromptForPage } from "@/components/prompts/load-prompt-for-page";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { VersionHistory } from "@/components/prompts/version-history";
import { PublishPanel } from "@/components/publishing/publish-panel";
import { PlaygroundPanel } from "@/components/playground/playground-panel";

export default async function PromptPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePagePermission("prompt:read");
  const p = await loadPromptForPage(actor, (await params).id);
  const names = await userNames(db(), p.versions.map((v) => v.createdById));
  const canEdit = can(actor, "prompt:edit", { teamId: p.useCase.team.id });
  const canRun = can(actor, "prompt:run", { teamId: p.useCase.team.id });
  const latest = p.versions[0];
  return (
    <>
      <PageHeader
        title={p.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Link href={`/use-cases/${p.useCase.id}`} className="text-indigo-700 hover:underline">{p.useCase.name}</Link>
            <span className="text-slate-400">·</span>
            <span>{p.useCase.team.name}</span>
            <Badge tone={p.type === "CHAT" ? "violet" : "blue"}>{p.type === "CHAT" ? "Chat" : "Text"}</Badge>
            <Badge>{p.latestVersion ? `Latest: version ${p.latestVersion}` : "No versions yet"}</Badge>
          </span>
        }
        actions={<Link href={`/prompts/${p.id}/diff`} className={buttonClass("secondary")}>Compare versions</Link>}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-3">
        <div className="xl:col-span-2">
          <PromptEditor promptId={p.id} draft={p.draft} description={p.description} latestVersion={p.latestVersion} canEdit={canEdit} />
        </div>
        <div className="space-y-6">
          <Card title="Versions"><VersionHistory promptId={p.id} versions={p.versions} names={names} /></Card>
          {/* Publishing and the playground are built in components/publishing and components/playground
              (another area): the latest version's publication state here, every version on /publishing. */}
          {latest ? (
            <div className="space-y-2">
              <PublishPanel resourceType="prompt" versionId={latest.id} versionNumber={latest.number} />
              <Link href={`/publishing/prompts/${p.id}`} className="text-sm font-medium text-indigo-700 hover:underline">Publish another version, or run it on Bedrock →</Link>
            </div>
          ) : null}
          {canRun ? <PlaygroundPanel promptId={p.id} versionNumber="draft" /> : null}
        </div>
      </div>
    </>
  );
}
