import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newId, type ServiceContext } from "@/lib/context";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";

// Test support only (service tests, the RBAC matrix): releases are built by another area, so
// tests insert an APPROVED release the way the database allows it — a DRAFT with its pinned
// prompts, then SUBMITTED, then APPROVED (the triggers refuse any other path).

export type ReleaseSpec = {
  useCaseId: string;
  createdById: string;
  prompts: { role: string; promptVersionId: string }[];
  guardrailVersionId?: string | null;
  modelId?: string;
  knowledgeBaseIds?: string[];
  status?: "APPROVED" | "SUBMITTED" | "DRAFT";
};

export async function insertRelease(db: PrismaClient, spec: ReleaseSpec) {
  const last = await db.release.findFirst({ where: { useCaseId: spec.useCaseId }, orderBy: { number: "desc" }, select: { number: true } });
  const id = newId("rel");
  const release = await db.release.create({
    data: {
      id, useCaseId: spec.useCaseId, number: (last?.number ?? 0) + 1, modelId: spec.modelId ?? "amazon.nova-lite-v1:0",
      guardrailVersionId: spec.guardrailVersionId ?? null, knowledgeBaseIds: spec.knowledgeBaseIds ?? [], createdById: spec.createdById,
      notes: "Inserted by a test", prompts: { create: spec.prompts.map((p) => ({ id: newId("rlp"), ...p })) },
    },
  });
  const status = spec.status ?? "APPROVED";
  if (status === "DRAFT") return release;
  await db.release.update({ where: { id }, data: { status: "SUBMITTED", submittedById: spec.createdById, submittedAt: new Date() } });
  if (status === "SUBMITTED") return { ...release, status };
  return db.release.update({ where: { id }, data: { status: "APPROVED", decidedAt: new Date() } });
}

const TEXT_PROMPT = {
  type: "TEXT", template: "Classify this ticket about {{product}}: {{ticket}}", modelId: "amazon.nova-lite-v1:0",
  variables: [{ name: "product", description: "The product the ticket is about" }, { name: "ticket", description: "The ticket text" }],
  inference: { temperature: 0.2, maxTokens: 300 },
};
const CHAT_PROMPT = {
  type: "CHAT", system: "You answer support tickets for {{product}}.", messages: [{ role: "user", text: "{{ticket}}" }], modelId: "amazon.nova-pro-v1:0",
  variables: [{ name: "product" }, { name: "ticket" }],
};
const GUARDRAIL = { blockedInputMessaging: "Sorry, I cannot help with that.", blockedOutputsMessaging: "Sorry, I cannot answer that." };

/**
 * A prompt (TEXT, role `triage`), a chat prompt (role `reply`) and a guardrail, each with
 * `versions` versions, made through the real services as `author` (who needs *:edit).
 */
export async function createPinnableVersions(author: ServiceContext, useCaseId: string, versions = 1) {
  const tag = randomBytes(3).toString("hex");
  const triage = await createPrompt(author, { useCaseId, name: `triage-${tag}`, description: "Ticket triage", ...TEXT_PROMPT });
  const reply = await createPrompt(author, { useCaseId, name: `reply-${tag}`, ...CHAT_PROMPT });
  const guard = await createGuardrail(author, { useCaseId, name: `guard-${tag}`, config: GUARDRAIL });
  const out: { triage: string; reply: string; guardrail: string }[] = [];
  for (let i = 1; i <= versions; i++) {
    if (i > 1) await updatePromptDraft(author, triage.id, { ...TEXT_PROMPT, template: `Version ${i}: classify this ticket about {{product}}: {{ticket}}` });
    out.push({
      triage: (await createPromptVersion(author, triage.id, { message: `Version ${i}` })).id,
      reply: (await createPromptVersion(author, reply.id, { message: `Version ${i}` })).id,
      guardrail: (await createGuardrailVersion(author, guard.id, { message: `Version ${i}` })).id,
    });
  }
  return { promptIds: { triage: triage.id, reply: reply.id }, guardrailId: guard.id, versions: out };
}

/** An APPROVED release pinning one set of versions from createPinnableVersions. */
export const insertApprovedRelease = (db: PrismaClient, useCaseId: string, createdById: string, v: { triage: string; reply: string; guardrail: string }, extra: Partial<ReleaseSpec> = {}) =>
  insertRelease(db, {
    useCaseId, createdById, guardrailVersionId: v.guardrail, knowledgeBaseIds: ["KB12345678"],
    prompts: [{ role: "triage", promptVersionId: v.triage }, { role: "reply", promptVersionId: v.reply }], ...extra,
  });
