import { requireActor } from "@/lib/auth/session";
import { can, ROLE_LABELS } from "@/lib/permissions";
import { NAV_SECTIONS } from "@/components/shell/nav-items";
import { Brand } from "@/components/shell/brand";
import { MobileNav } from "@/components/shell/mobile-nav";
import { SidebarNav } from "@/components/shell/sidebar-nav";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { Providers } from "@/components/shell/providers";

// The shell only hides navigation the user cannot use; every page checks access itself.
export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const actor = await requireActor();
  const sections = NAV_SECTIONS.map((s) => ({ ...s, items: s.items.filter((i) => can(actor, i.permission)) })).filter((s) => s.items.length);
  return (
    <Providers actor={actor}>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <div className="flex min-h-screen">
        <aside className="hidden w-60 shrink-0 flex-col bg-slate-900 px-3 py-5 md:flex">
          <div className="mb-8">
            <Brand />
          </div>
          <SidebarNav sections={sections} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <header className="flex h-14 items-center gap-4 border-b border-slate-200 bg-white px-4 sm:px-6">
            <MobileNav sections={sections} />
            <div className="ml-auto min-w-0 text-right leading-tight" data-testid="current-user">
              <p className="truncate text-sm font-medium text-slate-900">{actor.name}</p>
              <p className="text-xs text-slate-600">{ROLE_LABELS[actor.role]}</p>
            </div>
            <SignOutButton />
          </header>
          <main id="main" className="mx-auto w-full min-w-0 max-w-7xl flex-1 px-4 py-6 sm:px-6 sm:py-8">
            {children}
          </main>
        </div>
      </div>
    </Providers>
  );
}
