import Link from "next/link";
import { Badge } from "@/components/ui/badge";

type Area = { title: string; description: string; href?: string; stat?: string };

/** The settings landing cards. An area without an href is not built yet, and says so. */
export function SettingsOverview({ areas }: { areas: Area[] }) {
  return (
    <ul className="grid grid-cols-1 gap-4 md:grid-cols-2">
      {areas.map((a) => (
        <li key={a.title} className="relative flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm focus-within:ring-2 focus-within:ring-indigo-600 hover:border-indigo-300">
          <div className="flex items-start justify-between gap-3">
            <h2 className="text-base font-semibold text-slate-900">
              {a.href ? (
                <Link href={a.href} className="after:absolute after:inset-0 focus:outline-none">{a.title}</Link>
              ) : (
                a.title
              )}
            </h2>
            {a.href ? (a.stat ? <span className="text-sm text-slate-500">{a.stat}</span> : null) : <Badge tone="amber">Not built yet</Badge>}
          </div>
          <p className="mt-2 text-sm text-slate-600">{a.description}</p>
          {a.href ? <span aria-hidden className="mt-4 text-sm font-medium text-indigo-700">Open {a.title.toLowerCase()} →</span> : null}
        </li>
      ))}
    </ul>
  );
}
