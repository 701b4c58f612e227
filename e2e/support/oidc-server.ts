// A real OpenID Connect provider (the `oidc-provider` package) for the single-sign-on e2e test.
// Its development login form accepts any login name; the account's groups come from the name:
// "sso-reviewer" → strata-reviewers, "sso-nobody" → no Strata group.
import Provider from "oidc-provider";

const port = Number(process.env.OIDC_PORT ?? 3901);
const appOrigins = (process.env.OIDC_APP_ORIGINS ?? "http://localhost:3100").split(",");

const GROUPS: Record<string, string[]> = {
  "sso-admin": ["strata-admins"],
  "sso-reviewer": ["strata-reviewers", "all-staff"],
  "sso-owner": ["strata-owners"],
  "sso-nobody": ["all-staff"],
};

const provider = new Provider(`http://localhost:${port}`, {
  clients: [
    {
      client_id: "strata-e2e",
      client_secret: "strata-e2e-client-secret-0123456789",
      redirect_uris: appOrigins.map((o) => `${o}/api/auth/callback/oidc`),
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  // Put the scope's claims in the ID token, which is what next-auth reads.
  conformIdTokenClaims: false,
  findAccount: async (_ctx, id) => ({
    accountId: id,
    claims: async () => ({
      sub: id,
      email: `${id}@sso.example.test`,
      email_verified: true,
      name: id.replace(/^sso-/, "SSO ").replace(/\b\w/g, (c) => c.toUpperCase()),
      groups: GROUPS[id] ?? [],
    }),
  }),
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ["strata-e2e-oidc-cookie-key"] },
});

provider.listen(port, () => console.log(`OIDC provider listening on http://localhost:${port}`));
