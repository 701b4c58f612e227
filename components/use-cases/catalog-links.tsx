import Link from "next/link";

/** What the use case is built from: its prompts and guardrails, each a link to the catalog. */
export function CatalogLinks({ useCaseId, prompts, guardrails }: { useCaseId: string; prompts: number; guardrails: number }) {
  const item = (href: string, label: string, count: number) => (
    <li>
      <Link href={`${href}?useCaseId=${encodeURIComponent(useCaseId)}`} className="flex items-center justify-between rounded-md px-3 py-2 text-sm hover:bg-slate-50">
        <span className="font-medium text-indigo-700">{label}</span>
        <span className="text-slate-600">{count}</span>
      </Link>
    </li>
  );
  return (
    <ul className="-mx-3 divide-y divide-slate-100">
      {item("/prompts", "Prompts", prompts)}
      {item("/guardrails", "Guardrails", guardrails)}
    </ul>
  );
}
