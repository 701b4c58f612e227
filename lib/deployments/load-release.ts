import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/context";
import { notFound } from "@/lib/errors";

/** Everything promotion needs of a release: status, team, and what it pins (for the config). */
export async function loadReleaseForDeploymentOrThrow(db: PrismaClient | Tx, releaseId: string) {
  const release = await db.release.findUnique({
    where: { id: releaseId },
    select: {
      id: true,
      number: true,
      status: true,
      modelId: true,
      knowledgeBaseIds: true,
      useCase: { select: { id: true, slug: true, name: true, teamId: true } },
      prompts: {
        select: { role: true, promptVersion: { select: { id: true, number: true, content: true, prompt: { select: { id: true, name: true } } } } },
        orderBy: { role: "asc" },
      },
      guardrailVersion: { select: { id: true, number: true, guardrail: { select: { id: true, name: true } } } },
    },
  });
  if (!release) throw notFound("Release");
  return release;
}

export type ReleaseForDeployment = Awaited<ReturnType<typeof loadReleaseForDeploymentOrThrow>>;
