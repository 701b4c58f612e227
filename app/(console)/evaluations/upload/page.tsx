import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listUploadTargets } from "@/lib/evaluations/queries";
import { PageHeader } from "@/components/ui/page-header";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UploadForm } from "@/components/evaluations/upload-form";
import { RunFileFormat } from "@/components/evaluations/run-file-format";

export const metadata = { title: "Upload an evaluation run" };

export default async function UploadRunPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requirePagePermission("evaluation:post");
  const [targets, { useCaseId }] = await Promise.all([listUploadTargets(db(), actor), searchParams]);
  return (
    <>
      <PageHeader title="Upload an evaluation run" description={<Link href="/evaluations" className="text-indigo-700 hover:underline">← Evaluation runs</Link>} />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-5">
        <div className="xl:col-span-3">
          {targets.length === 0 ? <EmptyState title="No use case of your teams">Runs are posted for the use cases of your teams.</EmptyState> : <UploadForm targets={targets} initialUseCaseId={useCaseId} />}
        </div>
        <Card title="File format" className="xl:col-span-2 self-start"><RunFileFormat /></Card>
      </div>
    </>
  );
}
