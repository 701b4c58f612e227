import Link from "next/link";
import type { environmentGrid } from "@/lib/deployments/queries";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { EnvironmentGrid } from "./environment-grid";

type Grid = Awaited<ReturnType<typeof environmentGrid>>;

export function EnvironmentGridSection({ grid, filtered, params }: { grid: Grid; filtered: boolean; params: Record<string, string | undefined> }) {
  if (grid.total === 0) {
    return (
      <EmptyState title={filtered ? "This use case has no releases yet" : "No releases yet"}>
        {filtered ? <Link href="/environments" className="text-indigo-700 hover:underline">Show all use cases</Link> : "Once a release of a use case is approved, promote it to dev from its release page; it shows up here."}
      </EmptyState>
    );
  }
  return (
    <>
      <EnvironmentGrid rows={grid.items} />
      <Pagination page={grid.page} pageCount={grid.pageCount} total={grid.total} params={params} basePath="/environments" />
    </>
  );
}
