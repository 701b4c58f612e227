import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { listGuardrailTestCases } from "@/lib/guardrails/test-cases";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button";
import { loadGuardrailForPage } from "@/components/guardrails/load-guardrail-for-page";
import { BenchPanel } from "@/components/guardrails/bench-panel";

export default async function GuardrailBenchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ target?: string }> }) {
  const actor = await requirePagePermission("guardrail:test");
  const g = await loadGuardrailForPage(actor, (await params).id);
  const testCases = await listGuardrailTestCases({ db: db() }, g.id);
  const versions = g.versions.map((v) => v.number);
  const wanted = Number((await searchParams).target);
  return (
    <>
      <PageHeader title={`Test bench: ${g.name}`} description="Enter sample prompts (INPUT) or responses (OUTPUT) and see each verdict." actions={<Link href={`/guardrails/${g.id}`} className={buttonClass("secondary")}>Back to guardrail</Link>} />
      <BenchPanel guardrailId={g.id} versions={versions} initialTarget={versions.includes(wanted) ? wanted : "DRAFT"} testCases={testCases} canEditCases={can(actor, "guardrail-test-case:manage", g)} />
    </>
  );
}
