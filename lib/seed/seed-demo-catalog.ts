import type { PrismaClient } from "@/lib/generated/prisma/client";
import { newRequestId } from "@/lib/context";
import type { UserActor } from "@/lib/permissions";
import { createPrompt } from "@/lib/prompts/create-prompt";
import { updatePromptDraft } from "@/lib/prompts/update-prompt-draft";
import { createPromptVersion } from "@/lib/prompts/create-prompt-version";
import { createGuardrail } from "@/lib/guardrails/create-guardrail";
import { createGuardrailVersion } from "@/lib/guardrails/create-guardrail-version";
import { createGuardrailTestCase } from "@/lib/guardrails/test-cases";

const TRIAGE_V1 = {
  type: "TEXT" as const,
  template: "Classify this support ticket for {{product}}.\n\nTicket:\n{{ticket}}\n\nAnswer with one of: billing, outage, how-to, other.",
  variables: [
    { name: "product", type: "string" as const, required: true, description: "Product line the ticket was filed under" },
    { name: "ticket", type: "string" as const, required: true, description: "Ticket body as written by the customer" },
  ],
  modelId: "amazon.nova-lite-v1:0",
  inference: { temperature: 0.2, topP: 0.9, maxTokens: 256, stopSequences: [] },
};

/**
 * A prompt with two versions and a guardrail with one version on the demo "support-triage" use
 * case, created through the real services by the demo engineer. Skipped when they exist.
 */
export async function seedDemoCatalog(db: PrismaClient, engineer: UserActor) {
  const useCase = await db.useCase.findUnique({ where: { slug: "support-triage" }, select: { id: true } });
  if (!useCase) return 0;
  const ctx = () => ({ db, actor: engineer, requestId: newRequestId() });
  let created = 0;
  if (!(await db.prompt.findFirst({ where: { useCaseId: useCase.id, name: "ticket-classifier" } }))) {
    const prompt = await createPrompt(ctx(), { useCaseId: useCase.id, name: "ticket-classifier", description: "Routes tickets to the right queue", ...TRIAGE_V1 });
    await createPromptVersion(ctx(), prompt.id, { message: "First classifier" });
    await updatePromptDraft(ctx(), prompt.id, { ...TRIAGE_V1, template: TRIAGE_V1.template.replace("other.", "security, other.\nReply with the label only.") });
    await createPromptVersion(ctx(), prompt.id, { message: "Add the security queue" });
    created++;
  }
  if (!(await db.guardrail.findFirst({ where: { useCaseId: useCase.id, name: "support-pii" } }))) {
    const guardrail = await createGuardrail(ctx(), {
      useCaseId: useCase.id,
      name: "support-pii",
      description: "Keeps card numbers and contact details out of model traffic",
      config: {
        sensitiveInformationPolicy: {
          piiEntities: [{ type: "CREDIT_DEBIT_CARD_NUMBER", action: "BLOCK" }, { type: "EMAIL", action: "ANONYMIZE" }, { type: "PHONE", action: "ANONYMIZE" }],
          regexes: [],
        },
        wordPolicy: { words: [], managedWordLists: [{ type: "PROFANITY" }] },
        blockedInputMessaging: "Please remove payment card details before sending.",
        blockedOutputsMessaging: "The answer contained data we cannot show.",
      },
    });
    await createGuardrailVersion(ctx(), guardrail.id, { message: "Card block, contact anonymisation" });
    await createGuardrailTestCase(ctx(), guardrail.id, { name: "Card in a ticket", source: "INPUT", text: "My card 4111 1111 1111 1111 was charged twice", expectIntervention: true });
    await createGuardrailTestCase(ctx(), guardrail.id, { name: "Plain question", source: "INPUT", text: "How do I reset my password?", expectIntervention: false });
    created++;
  }
  return created;
}
