"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { ROLE_LABELS, type RoleName } from "@/lib/permissions";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

function describeError(code: string | undefined): string | null {
  if (!code) return null;
  if (code.startsWith("Throttled:")) {
    const seconds = Math.max(1, Number(code.split(":")[1]) || 30);
    const wait = seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
    return `Too many failed attempts from your network. Try again in ${wait}.`;
  }
  if (code === "NoRole") return "Your single sign-on account has no Strata role. Ask an administrator to add you to a Strata group.";
  if (code === "AccountDisabled") return "This account is disabled.";
  if (code === "CredentialsSignin") return "Email or password is incorrect.";
  return "Sign-in failed. Try again.";
}

type Props = {
  sso: { name: string } | null;
  error?: string;
  callbackUrl: string;
  demo: { accounts: { email: string; role: RoleName }[]; password: string } | null;
};

export function SignInForm({ sso, error, callbackUrl: requested, demo }: Props) {
  // Checked again here: this is where the browser is sent, whoever rendered the form.
  const callbackUrl = safeCallbackPath(requested);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [message, setMessage] = useState(describeError(error));
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setPending(true);
    setMessage(null);
    const result = await signIn("credentials", { email, password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setPending(false);
    setMessage(describeError(result?.error ?? "CredentialsSignin"));
  }

  return (
    <div className="w-full max-w-md">
      <div className="mb-6 flex items-center justify-center gap-2 text-2xl font-semibold text-slate-900">
        <span aria-hidden className="grid h-9 w-9 place-items-center rounded-lg bg-indigo-600 text-base text-white">S</span>
        Strata
      </div>
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-lg font-semibold text-slate-900">Sign in to the console</h1>
        <p className="mt-1 text-sm text-slate-600">Govern generative-AI use cases from prototype to production.</p>
        {message ? (
          <p role="alert" className="mt-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800 ring-1 ring-rose-200">
            {message}
          </p>
        ) : null}
        {sso ? (
          <>
            <Button className="mt-6 w-full" onClick={() => void signIn("oidc", { callbackUrl })}>
              Continue with {sso.name}
            </Button>
            <div className="my-6 flex items-center gap-3 text-xs text-slate-500">
              <span className="h-px flex-1 bg-slate-200" /> or with a password <span className="h-px flex-1 bg-slate-200" />
            </div>
          </>
        ) : null}
        <form onSubmit={submit} className={sso ? "space-y-4" : "mt-6 space-y-4"}>
          <Field id="email" label="Email">
            <input id="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
          </Field>
          <Field id="password" label="Password">
            <input id="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className={inputClass} />
          </Field>
          <Button type="submit" variant={sso ? "secondary" : "primary"} className="w-full" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </form>
      </div>
      {demo ? (
        <div className="mt-6 rounded-xl border border-amber-200 bg-amber-50 p-5 text-sm text-amber-950">
          <p className="font-medium">Embedded demo mode</p>
          <p className="mt-1">Every demo account uses the password <code className="rounded bg-white px-1 font-mono">{demo.password}</code>.</p>
          <ul className="mt-3 grid grid-cols-1 gap-1">
            {demo.accounts.map((a) => (
              <li key={a.email} className="flex justify-between gap-2">
                <button type="button" className="font-mono text-amber-900 underline decoration-dotted" onClick={() => { setEmail(a.email); setPassword(demo.password); }}>
                  {a.email}
                </button>
                <span className="text-amber-800">{ROLE_LABELS[a.role]}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
