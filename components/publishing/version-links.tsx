import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** Version picker as plain links (?version=N): works without JavaScript and is shareable. */
export function VersionLinks({ basePath, versions, selected }: { basePath: string; versions: number[]; selected: number }) {
  return (
    <nav aria-label="Versions" className="flex flex-wrap gap-2">
      {versions.map((n) => (
        <Link
          key={n}
          href={`${basePath}?version=${n}`}
          aria-current={n === selected ? "page" : undefined}
          className={cn("rounded-md px-2.5 py-1 text-sm ring-1 ring-inset", n === selected ? "bg-indigo-600 text-white ring-indigo-600" : "text-slate-700 ring-slate-300 hover:bg-slate-50")}
        >
          v{n}
        </Link>
      ))}
    </nav>
  );
}

export function pickVersion(raw: string | string[] | undefined, versions: number[]): number | null {
  const wanted = Number(Array.isArray(raw) ? raw[0] : raw);
  return versions.includes(wanted) ? wanted : (versions[0] ?? null);
}
