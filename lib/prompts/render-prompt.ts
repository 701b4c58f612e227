import { parseInput, validationError } from "@/lib/errors";
import type { ServiceContext } from "@/lib/context";
import { authorize } from "@/lib/permissions";
import { promptContentSchema, renderSchema } from "./schemas";
import { renderTemplate } from "./template";
import { getPromptOrThrow, getPromptVersionOrThrow } from "./queries";

type Reader = Pick<ServiceContext, "db" | "actor">;

/**
 * Fills a version's (or the draft's) variables. A read: nothing is written or audited. Every
 * missing or mistyped variable is named in one 422 (`variables.<name>`).
 */
export async function renderPrompt(ctx: Reader, promptId: string, version: number | string | "draft", input: unknown) {
  authorize(ctx.actor, "prompt:read");
  const { variables } = parseInput(renderSchema, input);
  const content = version === "draft" ? (await getPromptOrThrow(ctx, promptId)).draft : (await getPromptVersionOrThrow(ctx, promptId, version)).content;
  const parsed = promptContentSchema.parse(content);
  const result = renderTemplate(parsed, variables);
  if (!result.ok) throw validationError(result.errors);
  return { ...result.output, modelId: parsed.modelId, inference: parsed.inference };
}
