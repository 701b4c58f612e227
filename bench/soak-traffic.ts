// The soak's traffic: console pages as several signed-in roles, the list and runtime APIs with a
// token, prompt renders, and a few writes — chosen at random by weight, from a seeded PRNG so
// two runs send the same mix.
import http from "node:http";
import { prng } from "./prng";
import { httpRequest } from "./support-core";

const cookieHeader = (setCookie: string[]) => setCookie.map((c) => c.split(";")[0]).join("; ");

/** Signs in through next-auth's credentials callback, as the sign-in form does; returns the Cookie header. */
export async function signInCookie(port: number, email: string, password: string): Promise<string> {
  const csrf = await httpRequest(port, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const form = new URLSearchParams({ csrfToken, email, password, json: "true" }).toString();
  const reply = await httpRequest(port, "POST", "/api/auth/callback/credentials", {
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(csrf.setCookie) },
    body: form,
  });
  const session = reply.setCookie.find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${email} failed: HTTP ${reply.status} ${reply.body.slice(0, 200)}`);
  return cookieHeader([session]);
}


export type Fixture = {
  cookies: Record<string, string>;
  readToken: string;
  writeToken: string;
  pages: { role: string; path: string }[];
  apiReads: string[];
  render: { path: string; body: string };
  draftUseCaseIds: string[];
  teamId: string;
};

export type Step =
  | { kind: "sign-in"; role: string }
  | { kind: "page" | "rsc" | "api-read" | "render" | "write"; method: string; path: string; headers: http.OutgoingHttpHeaders; body?: string; expect: number };

/**
 * Weights: 1 % sign-ins (a new session, argon2 and all), 54 % pages (half as full HTML, half as
 * the RSC payload a client-side navigation fetches), 25 % API reads, 12 % renders, 8 % writes
 * (half edits of draft use cases, half new use cases).
 */
export function makeStepPicker(f: Fixture, seed: number, options: { writes: boolean }) {
  const random = prng(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  let created = 0;
  const json = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json", accept: "application/json" });
  return (): Step => {
    const r = random();
    if (r < 0.01) {
      return { kind: "sign-in", role: pick(Object.keys(f.cookies)) };
    }
    if (r < 0.55) {
      const page = pick(f.pages);
      const headers = { cookie: f.cookies[page.role], accept: "text/html" };
      if (random() < 0.5) return { kind: "page", method: "GET", path: page.path, headers, expect: 200 };
      // Without router-state headers Next expects an empty cache-busting `_rsc` (anything else: 307).
      const rsc = `${page.path}${page.path.includes("?") ? "&" : "?"}_rsc`;
      return { kind: "rsc", method: "GET", path: rsc, headers: { ...headers, rsc: "1", accept: "*/*" }, expect: 200 };
    }
    if (r < 0.8) return { kind: "api-read", method: "GET", path: pick(f.apiReads), headers: json(f.readToken), expect: 200 };
    // Without writes (SOAK_WRITES=0) the data stays as seeded: their share goes to renders.
    if (r < 0.92 || !options.writes) return { kind: "render", method: "POST", path: f.render.path, headers: json(f.readToken), body: f.render.body, expect: 200 };
    if (r < 0.96) {
      const body = JSON.stringify({ description: `Soak edit ${Math.floor(random() * 1e9)} — a longer description so the row changes size.` });
      return { kind: "write", method: "PATCH", path: `/api/v1/use-cases/${pick(f.draftUseCaseIds)}`, headers: json(f.writeToken), body, expect: 200 };
    }
    const slug = `soak-${seed}-${created++}-${Math.floor(random() * 1e6)}`;
    const body = JSON.stringify({ slug, teamId: f.teamId, name: `Soak use case ${slug}`, businessOwner: "Soak", riskTier: "LIMITED", dataClassification: "INTERNAL", audience: "INTERNAL" });
    return { kind: "write", method: "POST", path: "/api/v1/use-cases", headers: json(f.writeToken), body, expect: 201 };
  };
}
