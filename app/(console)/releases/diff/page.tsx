import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { diffReleases } from "@/lib/releases/diff-releases";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ReleaseDiffView } from "@/components/releases/release-diff-view";

export const metadata = { title: "Compare releases" };

export default async function ReleaseDiffPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("release:read");
  const q = await searchParams;
  if (!q.a || !q.b) {
    return (
      <>
        <PageHeader title="Compare releases" />
        <EmptyState title="Choose two releases to compare">Open a release and pick another release of the same use case under &ldquo;Compare with…&rdquo;. <Link href="/releases" className="text-indigo-700 underline">Go to releases</Link></EmptyState>
      </>
    );
  }
  // A bad or mismatched pair of ids is a user mistake: say so on the page, never a 500.
  const result = await diffReleases({ db: db(), actor }, { a: q.a, b: q.b }).catch((e) => (e instanceof AppError ? e : Promise.reject(e)));
  if (result instanceof AppError) {
    return (
      <>
        <PageHeader title="Compare releases" />
        <EmptyState title="These releases cannot be compared"><p>{result.code === "NOT_FOUND" ? "One of the releases was not found." : result.message}</p><p className="mt-2"><Link href="/releases" className="text-indigo-700 hover:underline">Back to releases</Link></p></EmptyState>
      </>
    );
  }
  const left = `Release #${result.left.number}`;
  const right = `Release #${result.right.number}`;
  return (
    <>
      <PageHeader title={`Compare ${left} and ${right}`} description={<span><Link href={`/releases/${result.left.id}`} className="text-indigo-700 hover:underline">{left}</Link> → <Link href={`/releases/${result.right.id}`} className="text-indigo-700 hover:underline">{right}</Link></span>} />
      <ReleaseDiffView diff={result.diff} left={left} right={right} />
    </>
  );
}
