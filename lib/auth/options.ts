import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { signInWithPassword } from "./sign-in-with-password";
import { parseRoleMap, roleFromClaims } from "./oidc-roles";
import { provisionOidcUser } from "./provision-oidc-user";
import { safeCallbackPath } from "./safe-callback-path";
import { CLIENT_ADDRESS_HEADER, UNKNOWN_ADDRESS } from "./client-address";

declare module "next-auth" {
  interface Session {
    user: { id: string };
  }
}

export const OIDC_PROVIDER_ID = "oidc";

let cached: NextAuthOptions | undefined;

/** next-auth configuration: local password sign-in, plus OIDC single sign-on when configured. */
export function authOptions(): NextAuthOptions {
  if (cached) return cached;
  const e = env();
  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        if (!credentials?.email || !credentials.password) return null;
        const header = req?.headers?.[CLIENT_ADDRESS_HEADER];
        const clientAddress = typeof header === "string" && header ? header : UNKNOWN_ADDRESS;
        const result = await signInWithPassword(db(), credentials.email, credentials.password, { clientAddress });
        if (result.ok) return { id: result.userId };
        // The message travels to the sign-in page as ?error=…; the same for any email.
        if (result.reason === "throttled") throw new Error(`Throttled:${result.retryAfterSeconds}`);
        return null;
      },
    }),
  ];
  if (e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET) {
    providers.push({
      id: OIDC_PROVIDER_ID,
      name: e.OIDC_DISPLAY_NAME,
      type: "oauth",
      wellKnown: `${e.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: e.OIDC_CLIENT_ID,
      clientSecret: e.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile: (p: Record<string, string>) => ({ id: p.sub ?? "", email: p.email, name: p.name ?? p.email }),
    });
  }
  const roleMap = parseRoleMap(e.OIDC_ROLE_MAP);

  cached = {
    providers,
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: e.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: e.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    callbacks: {
      // next-auth's default lets `/\evil` and `//evil`-shaped callback URLs through as "relative".
      redirect: ({ url, baseUrl }) => `${baseUrl}${safeCallbackPath(url, baseUrl)}`,
      async signIn({ user, account, profile }) {
        if (account?.provider !== OIDC_PROVIDER_ID) return true;
        const claims = (profile ?? {}) as Record<string, unknown>;
        const role = roleFromClaims(claims, e.OIDC_ROLE_CLAIM, roleMap, e.OIDC_DEFAULT_ROLE);
        const email = typeof claims.email === "string" ? claims.email : undefined;
        if (!role || !email) return "/sign-in?error=NoRole";
        const local = await provisionOidcUser(db(), {
          issuer: e.OIDC_ISSUER!,
          subject: String(claims.sub),
          email,
          name: typeof claims.name === "string" ? claims.name : email,
          role,
        });
        if (!local) return "/sign-in?error=AccountDisabled";
        // Carried to the jwt callback: the session refers to Strata's user id, not the IdP's.
        user.id = local.id;
        return true;
      },
      async jwt({ token, user }) {
        if (user) token.uid = user.id;
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { id: String(token.uid ?? "") } };
      },
    },
  };
  return cached;
}
