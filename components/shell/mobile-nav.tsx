"use client";

import { useState } from "react";
import { Modal } from "@/components/ui/dialog";
import { Brand } from "./brand";
import type { NavItem } from "./nav-items";
import { SidebarNav } from "./sidebar-nav";

/** Below the md breakpoint the sidebar is hidden: this button opens the same navigation as a drawer. */
export function MobileNav({ sections }: { sections: { title: string; items: NavItem[] }[] }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
        className="-ml-2 inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100 md:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
        Menu
      </button>
      {open ? (
        <Modal
          aria-label="Navigation"
          onClose={() => setOpen(false)}
          className="fixed inset-y-0 left-0 m-0 h-dvh max-h-none w-72 max-w-[85vw] overflow-y-auto bg-slate-900 px-3 py-5 shadow-xl"
        >
          <div className="mb-6 flex items-center justify-between gap-2">
            <Brand />
            <button type="button" onClick={() => setOpen(false)} className="rounded-md px-2 py-1 text-sm text-slate-200 ring-1 ring-inset ring-slate-600 hover:bg-slate-800">
              Close
            </button>
          </div>
          {/* Following a link navigates in place: close the drawer so the new page is visible. */}
          <div onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}>
            <SidebarNav sections={sections} />
          </div>
        </Modal>
      ) : null}
    </>
  );
}
