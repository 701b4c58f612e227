import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";

/** An area of the product that exists in the navigation but is not built yet. Says so plainly. */
export function NotBuiltYet({ title, purpose }: { title: string; purpose: string }) {
  return (
    <>
      <PageHeader title={title} description={purpose} />
      <EmptyState title={`${title} is not built yet`}>
        This area is planned and not available in this version of Strata. Nothing here is simulated: when it ships, it will show real data
        from your environments.
      </EmptyState>
    </>
  );
}
