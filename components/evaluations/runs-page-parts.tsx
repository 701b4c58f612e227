import Link from "next/link";
import { can, type Actor } from "@/lib/permissions";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { CiExample } from "./ci-example";

const query = (useCaseId?: string) => (useCaseId ? `?useCaseId=${encodeURIComponent(useCaseId)}` : "");

/** The run list's header buttons: the gates of the filtered use case, and the upload. */
export function RunsPageActions({ actor, useCaseId }: { actor: Actor; useCaseId?: string }) {
  return (
    <>
      <Link href={`/evaluations/gates${query(useCaseId)}`} className={buttonClass("secondary")}>Gates</Link>
      {can(actor, "evaluation:post") ? <Link href={`/evaluations/upload${query(useCaseId)}`} className={buttonClass()}>Upload a run</Link> : null}
    </>
  );
}

/** No runs yet: where they come from, with the CI command to post one. */
export function NoRuns({ useCaseId }: { useCaseId?: string }) {
  return (
    <>
      <EmptyState title={useCaseId ? "This use case has no evaluation runs yet" : "No evaluation runs yet"}>
        Runs arrive from CI through the API, or as a JSONL file uploaded here. Each one is judged against the gates of its use case.
      </EmptyState>
      <Card title="Post runs from CI" className="mt-6"><CiExample useCaseId={useCaseId} /></Card>
    </>
  );
}
