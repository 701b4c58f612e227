import Link from "next/link";
import { requireActor } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { NAV_SECTIONS } from "@/components/shell/nav-items";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Providers } from "@/components/shell/providers";

// The shell only hides navigation the user cannot use; every page checks access itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const sections = NAV_SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => can(actor, i.permission)) })).filter((s) => s.items.length);
  return (
    <Providers>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-60 shrink-0 flex-col bg-slate-900 px-3 py-5 md:flex">
          <Link href="/use-cases" className="mb-8 flex items-center gap-2 px-3 text-lg font-semibold text-white">
            <span aria-hidden className="grid h-7 w-7 place-items-center rounded-md bg-indigo-500 text-sm">S</span>
            Strata
          </Link>
          <SidebarNav sections={sections} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center justify-end gap-4 border-b border-slate-200 bg-white px-6">
            <div className="text-right leading-tight" data-testid="current-user">
              <p className="text-sm font-medium text-slate-900">{actor.name}</p>
              <p className="text-xs text-slate-600">{ROLE_LABELS[actor.role]}</p>
            </div>
            <SignOutButton />
          </header>
          <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-6 py-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
