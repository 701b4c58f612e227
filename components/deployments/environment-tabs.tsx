import Link from "next/link";
import { AWS_ENVIRONMENTS, ENVIRONMENT_LABELS, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import { cn } from "@/components/ui/cn";
import { envHref } from "./format";

/** Overview · Development · Pre-production · Production. */
export function EnvironmentTabs({ current }: { current: AwsEnvironmentName | null }) {
  const tabs = [{ href: "/environments", label: "All environments", active: current === null }, ...AWS_ENVIRONMENTS.map((e) => ({ href: envHref(e), label: ENVIRONMENT_LABELS[e], active: current === e }))];
  return (
    <nav aria-label="Environments" className="mb-5 flex gap-1 border-b border-slate-200">
      {tabs.map((t) => (
        <Link key={t.href} href={t.href} aria-current={t.active ? "page" : undefined}
          className={cn("-mb-px border-b-2 px-3 py-2 text-sm font-medium", t.active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900")}>
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
