"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The signing secret, shown once after creation or rotation; the receiver needs it to verify. */
export function WebhookSecretPanel({ secret, title, onDone }: { secret: string; title: string; onDone: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => input.current?.focus(), []);
  async function copySecret() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopy("copied");
    } catch {
      setCopy("failed");
      input.current?.select();
    }
  }
  return (
    <section aria-labelledby="webhook-secret-title" className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-5">
      <div>
        <h3 id="webhook-secret-title" className="text-sm font-semibold text-slate-900">{title}</h3>
        <p className="mt-1 text-sm font-medium text-amber-900">
          This is the only time the signing secret is shown. Store it with your receiver; it verifies the Strata-Signature header of
          every delivery. If it is lost, rotate it.
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="webhook-secret-value" className="block text-sm font-medium text-slate-800">Signing secret</label>
        <div className="flex items-start gap-2">
          <input ref={input} id="webhook-secret-value" readOnly value={secret} spellCheck={false} autoComplete="off" className={`${inputClass} font-mono`} onFocus={(e) => e.currentTarget.select()} />
          <Button variant="secondary" className="w-24" aria-label="Copy the signing secret" onClick={copySecret}>{copy === "copied" ? "Copied" : "Copy"}</Button>
        </div>
        <p role="status" className="text-xs text-slate-600">
          {copy === "copied" ? "Copied to the clipboard." : copy === "failed" ? "The browser blocked the clipboard: the secret is selected, press Ctrl+C (⌘C on a Mac)." : ""}
        </p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done, I have stored it</Button>
      </div>
    </section>
  );
}
