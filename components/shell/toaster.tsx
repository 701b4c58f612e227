"use client";

import { useEffect, useState } from "react";
import { cn } from "@/components/ui/cn";

type Toast = { id: number; message: string; tone: "success" | "error" };
const listeners = new Set<(t: Toast) => void>();
let nextId = 1;

/** Shows a transient message in the corner; announced to screen readers. */
export function toast(message: string, tone: Toast["tone"] = "success") {
  const t = { id: nextId++, message, tone };
  listeners.forEach((l) => l(t));
}

export function Toaster() {
  const [toasts, setToasts] = useState<Toast[]>([]);
  useEffect(() => {
    const add = (t: Toast) => {
      setToasts((all) => [...all, t]);
      setTimeout(() => setToasts((all) => all.filter((x) => x.id !== t.id)), 6000);
    };
    listeners.add(add);
    return () => void listeners.delete(add);
  }, []);
  return (
    <div aria-live="polite" className="pointer-events-none fixed bottom-4 right-4 z-50 flex w-[calc(100%-2rem)] max-w-96 flex-col gap-2">
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === "error" ? "alert" : "status"}
          className={cn("pointer-events-auto rounded-md px-4 py-3 text-sm shadow-lg ring-1 [overflow-wrap:anywhere]", t.tone === "error" ? "bg-rose-50 text-rose-900 ring-rose-200" : "bg-emerald-50 text-emerald-900 ring-emerald-200")}
        >
          {t.message}
        </div>
      ))}
    </div>
  );
}
