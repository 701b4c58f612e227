import { redirect } from "next/navigation";
import { getActor } from "@/lib/auth/session";
import { env, isEmbedded } from "@/lib/env";
import { DEMO_PASSWORD, DEMO_USERS } from "@/lib/seed/demo-data";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback-path";

export const metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  if (await getActor()) redirect("/use-cases");
  const { error, callbackUrl } = await searchParams;
  const e = env();
  // Demo credentials are shown only on the embedded laptop setup, where they are seeded.
  const demo = isEmbedded(e) ? DEMO_USERS.map((u) => ({ email: u.email, role: u.role })) : [];
  return (
    <main className="grid min-h-screen place-items-center bg-slate-100 px-4 py-12">
      <SignInForm
        sso={e.OIDC_ISSUER ? { name: e.OIDC_DISPLAY_NAME } : null}
        error={error}
        callbackUrl={safeCallbackPath(callbackUrl, e.NEXTAUTH_URL)}
        demo={demo.length ? { accounts: demo, password: DEMO_PASSWORD } : null}
      />
    </main>
  );
}
