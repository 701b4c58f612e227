import { z } from "zod";

// Shared by the team forms (client-side validation) and the team services (server-side).
export const teamSlugSchema = z
  .string("is required")
  .trim()
  .min(2, "must be at least 2 characters")
  .max(48, "must be at most 48 characters")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens (e.g. customer-support)");

const fields = {
  name: z.string("is required").trim().min(2, "must be at least 2 characters").max(80, "must be at most 80 characters"),
  description: z.string("must be text").trim().max(500, "must be at most 500 characters"),
};

export const createTeamSchema = z
  .object({ ...fields, slug: teamSlugSchema, description: fields.description.default("") })
  .strict();

/** The slug is the team's stable identifier (URLs, API tokens' audit trail): it is not editable. */
export const updateTeamSchema = z
  .object(fields)
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "at least one field to change is required");

export type CreateTeamInput = z.input<typeof createTeamSchema>;
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;
