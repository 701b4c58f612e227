import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { allRunItems } from "@/lib/evaluations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { loadRunForPage } from "@/components/evaluations/load-run-for-page";
import { CompareView } from "@/components/evaluations/compare-view";

export const metadata = { title: "Compare evaluation runs" };

export default async function CompareRunsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("evaluation:read");
  const { a: aId, b: bId } = await searchParams;
  const header = <PageHeader title="Compare evaluation runs" description={<Link href="/evaluations" className="text-indigo-700 hover:underline">← Evaluation runs</Link>} />;
  if (!aId || !bId) return <>{header}<EmptyState title="Pick two runs">Open a run and choose another run of the same use case to compare with.</EmptyState></>;
  const [a, b] = await Promise.all([loadRunForPage(actor, aId), loadRunForPage(actor, bId)]);
  if (a.useCase.id !== b.useCase.id) return <>{header}<EmptyState title="These runs belong to different use cases">Only runs of the same use case can be compared.</EmptyState></>;
  const [itemsA, itemsB] = await Promise.all([allRunItems(db(), a.id), allRunItems(db(), b.id)]);
  return (
    <>
      {header}
      <CompareView a={a} b={b} itemsA={itemsA} itemsB={itemsB} />
    </>
  );
}
