import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getPromptVersionOrThrow } from "@/lib/prompts/queries";
import { diffPrompts } from "@/lib/prompts/diff";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { loadPromptForPage } from "@/components/prompts/load-prompt-for-page";
import { DiffPicker } from "@/components/prompts/diff-picker";
import { PromptDiffView } from "@/components/prompts/prompt-diff-view";

export const metadata = { title: "Compare prompt versions" };

export default async function PromptDiffPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("prompt:read");
  const p = await loadPromptForPage(actor, (await params).id);
  const q = await searchParams;
  const valid = (s?: string) => (s === "draft" || (s && /^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= p.latestVersion) ? s : undefined);
  // Default: the two newest versions, or the only version against the draft.
  const to = valid(q.to) ?? (p.latestVersion >= 2 ? String(p.latestVersion) : "draft");
  const from = valid(q.from) ?? (p.latestVersion >= 2 ? String(p.latestVersion - 1) : p.latestVersion === 1 ? "1" : "draft");
  const load = async (which: string) => (which === "draft" ? p.draft : (await getPromptVersionOrThrow({ db: db(), actor }, p.id, which)).content);
  const label = (which: string) => (which === "draft" ? "Draft" : `Version ${which}`);
  return (
    <>
      <PageHeader title={`Compare ${p.name}`} description={<Link href={`/prompts/${p.id}`} className="text-indigo-700 hover:underline">Back to the prompt</Link>} />
      {p.latestVersion === 0 ? (
        <EmptyState title="Nothing to compare yet">Create a version of this prompt first; then compare it with the draft or with later versions.</EmptyState>
      ) : (
        <>
          <DiffPicker promptId={p.id} latestVersion={p.latestVersion} from={from} to={to} />
          <PromptDiffView diff={diffPrompts(await load(from), await load(to))} leftLabel={label(from)} rightLabel={label(to)} />
        </>
      )}
    </>
  );
}
