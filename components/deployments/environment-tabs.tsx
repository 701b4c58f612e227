import Link from "next/link";
import { AWS_ENVIRONMENTS, ENVIRONMENT_LABELS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { cn } from "@/components/ui/cn";
import { envHref } from "./format";

/** Overview · Development · Pre-production · Production. */
export function EnvironmentTabs({ current }: { current: AwsEnvironmentName | null }) {
  const tabs = [{ href: "/environments", label: "All environments", active: current === null }, ...AWS_ENVIRONMENTS.map((e) => ({ href: envHref(e), label: ENVIRONMENT_LABELS[e], active: current === e }))];
  return (
    // On a phone the row scrolls sideways inside itself rather than widening the page.
    <nav aria-label="Environments" className="mb-5 flex gap-1 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-slate-200)]">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t.active ? "page" : undefined}
          className={cn("shrink-0 whitespace-nowrap border-b-2 px-2 py-2 text-sm font-medium sm:px-3", t.active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
