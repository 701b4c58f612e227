"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Copies to the clipboard; where the browser refuses (no permission, not HTTPS), says how to copy by hand. */
function useCopy(text: string, selectForFallback: () => void) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
      selectForFallback();
    }
  }
  const message =
    state === "copied" ? "Copied to the clipboard." : state === "failed" ? "The browser blocked the clipboard: the text is selected, press Ctrl+C (⌘C on a Mac) to copy it." : "";
  return { copy, label: state === "copied" ? "Copied" : "Copy", message };
}

function selectContents(element: HTMLElement | null) {
  if (!element) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  window.getSelection()?.removeAllRanges();
  window.getSelection()?.addRange(range);
}

/** The plaintext token, shown once after creation; the server keeps only its hash. */
export function ApiTokenSecretPanel({ token, name, onDone }: { token: string; name: string; onDone: () => void }) {
  const tokenInput = useRef<HTMLInputElement>(null);
  const curlBlock = useRef<HTMLElement>(null);
  // Mounted only after a client-side mutation, so window is always there.
  const [origin] = useState(() => (typeof window === "undefined" ? "" : window.location.origin));
  const curl = `curl -H "Authorization: Bearer ${token}" ${origin}/api/v1/use-cases`;
  const copyToken = useCopy(token, () => tokenInput.current?.select());
  const copyCurl = useCopy(curl, () => selectContents(curlBlock.current));

  // Move focus to the secret so keyboard and screen-reader users land on what matters now.
  useEffect(() => {
    tokenInput.current?.focus();
  }, []);

  return (
    <section aria-labelledby="new-token-title" className="space-y-4 rounded-lg border border-amber-300 bg-amber-50 p-5">
      <div>
        <h3 id="new-token-title" className="text-sm font-semibold text-slate-900">Token “{name}” created</h3>
        <p className="mt-1 text-sm font-medium text-amber-900">
          This is the only time the token is shown. Copy it now into your secret store (for example a CI secret); if it is lost,
          revoke it and create a new one.
        </p>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="new-token-value" className="block text-sm font-medium text-slate-800">API token</label>
        <div className="flex items-start gap-2">
          <input
            ref={tokenInput}
            id="new-token-value"
            readOnly
            value={token}
            spellCheck={false}
            autoComplete="off"
            className={`${inputClass} font-mono`}
            onFocus={(e) => e.currentTarget.select()}
          />
          <Button variant="secondary" className="w-24" aria-label="Copy the API token" onClick={copyToken.copy}>{copyToken.label}</Button>
        </div>
        <p role="status" className="text-xs text-slate-600">{copyToken.message}</p>
      </div>
      <div className="space-y-1.5">
        <p id="new-token-curl" className="text-sm font-medium text-slate-800">Try it</p>
        <div className="flex items-start gap-2">
          <pre tabIndex={0} aria-labelledby="new-token-curl" className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-900 px-3 py-2 text-xs text-slate-100 focus:outline-none focus:ring-2 focus:ring-indigo-600">
            <code ref={curlBlock}>{curl}</code>
          </pre>
          <Button variant="secondary" className="w-24" aria-label="Copy the curl command" onClick={copyCurl.copy}>{copyCurl.label}</Button>
        </div>
        <p role="status" className="text-xs text-slate-600">{copyCurl.message}</p>
      </div>
      <div className="flex justify-end">
        <Button onClick={onDone}>Done, I have stored it</Button>
      </div>
    </section>
  );
}
