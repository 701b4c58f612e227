import { z } from "zod";
import { ROLES } from "@/lib/permissions";

// Shared by the admin forms (client-side validation) and the user services (server-side).
export const PASSWORD_MIN_LENGTH = 12;

/** A blank field in a URL means "no filter", not "match the empty string". */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

// Argon2 accepts any length; the upper bound keeps a hostile request from costing seconds of CPU.
export const passwordSchema = z
  .string("is required")
  .min(PASSWORD_MIN_LENGTH, `must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(256, "must be at most 256 characters");

const roleSchema = z.enum(ROLES, `must be one of ${ROLES.join(", ")}`);
const nameSchema = z.string("is required").trim().min(1, "is required").max(120, "must be at most 120 characters");
const teamIdsSchema = z.array(z.string().min(1, "is required"), "must be a list of team ids").max(100, "at most 100 teams");

export const createUserSchema = z
  .object({
    // Stored lower-cased: sign-in and single sign-on both look the account up by lower-cased email.
    email: z.string("is required").trim().toLowerCase().pipe(z.email("must be a valid email address").max(254, "must be at most 254 characters")),
    name: nameSchema,
    role: roleSchema,
    teamIds: teamIdsSchema.default([]),
    /** Present: a local account with this initial password. Absent: single sign-on only. */
    password: passwordSchema.optional(),
  })
  .strict();

export const updateUserSchema = z
  .object({
    name: nameSchema,
    role: roleSchema,
    teamIds: teamIdsSchema,
    isActive: z.boolean("must be true or false"),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, "at least one field to change is required");

export const resetPasswordSchema = z.object({ password: passwordSchema }).strict();

export const listUsersSchema = z.object({
  q: z.preprocess(blankToUndefined, z.string().trim().max(200, "must be at most 200 characters").optional()),
  role: z.preprocess(blankToUndefined, roleSchema.optional()),
  page: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").default(1),
  pageSize: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
});

export type CreateUserInput = z.input<typeof createUserSchema>;
export type UpdateUserInput = z.input<typeof updateUserSchema>;
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
export type ListUsersInput = z.input<typeof listUsersSchema>;
