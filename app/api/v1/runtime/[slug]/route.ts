import { z } from "zod";
import { withApiToken } from "@/lib/api/with-api-token";
import { getDatabase } from "@/lib/db/registry";
import { AppError, parseInput } from "@/lib/errors";
import { environmentParamSchema } from "@/lib/deployments/schemas";
import { ifNoneMatchHits } from "@/lib/runtime/if-none-match";
import { readDeploymentBody, readRuntimePointer } from "@/lib/runtime/queries";

type Params = { slug: string };

const querySchema = z.object({ environment: environmentParamSchema });

// Clients must revalidate every time (a promotion or rollback shows on the next request), and the
// answer is the token's team's only: never in a shared cache.
const CACHE_CONTROL = "private, no-cache";

// GET /api/v1/runtime/{slug}?environment=prod — the deployed release's resolved configuration
// (scope runtime:read of the owning team). Reads only, no audit event: after the token, one
// query says what runs; the ETag and body of that (immutable) deployment come from memory once read.
export const GET = withApiToken<Params>(
  async ({ req, ctx, params }) => {
    const { environment } = parseInput(querySchema, { environment: new URL(req.url).searchParams.get("environment") ?? undefined });
    const sql = getDatabase().sql;
    const pointer = await readRuntimePointer(sql, params.slug, environment);
    // Another team's use case answers exactly like an unknown one.
    if (!pointer || pointer.teamId !== ctx.actor.teamId) throw new AppError("NOT_FOUND", `Use case ${params.slug} was not found`);
    const deployed = pointer.deploymentId ? await readDeploymentBody(sql, pointer.deploymentId) : null;
    if (!deployed) throw new AppError("NOT_FOUND", `Nothing is deployed to ${environment.toLowerCase()} for use case ${params.slug}`);
    const headers = { ETag: deployed.etag, "Cache-Control": CACHE_CONTROL };
    if (ifNoneMatchHits(req.headers.get("if-none-match"), deployed.etag)) return new Response(null, { status: 304, headers });
    return new Response(deployed.body, { status: 200, headers: { ...headers, "Content-Type": "application/json" } });
  },
  { permission: "runtime:read" },
);
