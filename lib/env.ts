import { z } from "zod";

// Every variable Strata reads, validated once. `.env.example` documents each of them; keep the
// two in step (lib/env.test.ts checks it).
const roleName = z.enum(["ADMIN", "PRODUCT_OWNER", "REVIEWER", "ENGINEER", "VIEWER"]);

const boolish = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((v) => v === "true" || v === "1");

const emptyToUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().min(1).optional());

export const envShape = z.object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).default(3000)),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
        .optional(),
    ),
    STRATA_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default(".data")),
    NEXTAUTH_URL: z.preprocess(emptyToUndefined, z.url("must be an absolute URL").optional()),
    NEXTAUTH_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, "must be at least 32 characters").optional(),
    ),
    SESSION_MAX_AGE_SECONDS: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(300).max(30 * 24 * 3600).default(8 * 3600),
    ),
    OIDC_ISSUER: z.preprocess(emptyToUndefined, z.url("must be the issuer URL").optional()),
    OIDC_CLIENT_ID: optionalString,
    OIDC_CLIENT_SECRET: optionalString,
    OIDC_DISPLAY_NAME: z.preprocess(emptyToUndefined, z.string().default("Single sign-on")),
    OIDC_ROLE_CLAIM: z.preprocess(emptyToUndefined, z.string().default("groups")),
    OIDC_ROLE_MAP: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(
          /^\s*[^=,]+=(ADMIN|PRODUCT_OWNER|REVIEWER|ENGINEER|VIEWER)\s*(,\s*[^=,]+=(ADMIN|PRODUCT_OWNER|REVIEWER|ENGINEER|VIEWER)\s*)*$/,
          "must look like group=ROLE,group=ROLE with roles ADMIN, PRODUCT_OWNER, REVIEWER, ENGINEER, VIEWER",
        )
        .optional(),
    ),
    OIDC_DEFAULT_ROLE: z.preprocess(emptyToUndefined, roleName.optional()),
    STRATA_BOOTSTRAP_ADMIN_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
    STRATA_BOOTSTRAP_ADMIN_PASSWORD: z.preprocess(
      emptyToUndefined,
      z.string().min(12, "must be at least 12 characters").optional(),
    ),
    STRATA_SEED_DEMO: boolish,
    // How many reverse proxies in front of Strata append to X-Forwarded-For. 0: the socket's peer
    // is the client (a client-sent header is ignored); only raise it when every request passes them.
    STRATA_TRUSTED_PROXY_HOPS: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(10).default(0)),
    // On-premises receivers and tests only: lets webhooks reach loopback and private networks.
    STRATA_WEBHOOK_ALLOW_PRIVATE_NETWORKS: boolish,
    STRATA_API_BODY_LIMIT_BYTES: z.preprocess(
      emptyToUndefined,
      z.coerce.number().int().min(1024).default(256 * 1024),
    ),
});

export const envSchema = envShape.superRefine((env, ctx) => {
    const oidc = [env.OIDC_ISSUER, env.OIDC_CLIENT_ID, env.OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      for (const key of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const) {
        if (!env[key]) ctx.addIssue({ code: "custom", path: [key], message: "is required when single sign-on is configured" });
      }
    }
    if (env.OIDC_ISSUER && !env.OIDC_ROLE_MAP && !env.OIDC_DEFAULT_ROLE) {
      ctx.addIssue({ code: "custom", path: ["OIDC_ROLE_MAP"], message: "is required with OIDC_ISSUER (or set OIDC_DEFAULT_ROLE)" });
    }
    if (env.DATABASE_URL && !env.NEXTAUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["NEXTAUTH_SECRET"], message: "is required when DATABASE_URL is set" });
    }
    if (Boolean(env.STRATA_BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.STRATA_BOOTSTRAP_ADMIN_PASSWORD)) {
      const missing = env.STRATA_BOOTSTRAP_ADMIN_EMAIL ? "STRATA_BOOTSTRAP_ADMIN_PASSWORD" : "STRATA_BOOTSTRAP_ADMIN_EMAIL";
      ctx.addIssue({ code: "custom", path: [missing], message: "is required together with the other bootstrap admin variable" });
    }
  });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join(".") || "(environment)"} ${i.message}`));
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isEmbedded(e: Env = env()): boolean {
  return !e.DATABASE_URL;
}
