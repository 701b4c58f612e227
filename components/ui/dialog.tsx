"use client";

import { useEffect, useId, useRef } from "react";

/**
 * A modal panel: labelled by its title, closed with Escape, focus moved in on open and back to
 * the opener on close. `onClose` may ignore the request (e.g. while a save is in flight).
 */
export function Dialog({ title, description, onClose, children, size = "md" }: { title: string; description?: React.ReactNode; onClose: () => void; children: React.ReactNode; size?: "md" | "lg" }) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const first = panel.current?.querySelector<HTMLElement>("[autofocus], input, select, textarea, button");
    first?.focus();
    return () => opener?.focus?.();
  }, []);
  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      className="fixed inset-0 z-40 grid place-items-center overflow-y-auto bg-slate-900/40 px-4 py-8"
      onKeyDown={(e) => e.key === "Escape" && onClose()}
    >
      <div ref={panel} className={`w-full ${size === "lg" ? "max-w-2xl" : "max-w-md"} rounded-lg bg-white p-6 text-left shadow-xl`}>
        <h2 id={titleId} className="text-base font-semibold text-slate-900">{title}</h2>
        {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        <div className="mt-5">{children}</div>
      </div>
    </div>
  );
}
