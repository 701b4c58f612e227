import { z } from "zod";
import { TOKEN_SCOPES } from "@/lib/permissions";

// Shared by the admin form and createApiToken.
export const createApiTokenSchema = z
  .object({
    teamId: z.string().min(1, "is required"),
    name: z.string().trim().min(1, "is required").max(80, "must be at most 80 characters"),
    permissions: z
      .array(z.enum(TOKEN_SCOPES, `must be one of ${TOKEN_SCOPES.join(", ")}`))
      .min(1, "choose at least one permission"),
  })
  .strict();

export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;
