import { z } from "zod";
import { versionNumberSchema } from "@/lib/prompts/schemas";

// The path parameters of the v1 routes, parsed by withApiToken (a 422 names the parameter) and
// documented from these same schemas in the OpenAPI document.

/** An id or slug as Next decodes it from the path; parseInput refuses a NUL character in it. */
export const pathTextSchema = z.string().min(1);

/** `/…/{id}/versions/{n}`: n is a version number 1, 2, 3… up to what the column holds. */
export const versionPathSchema = z.object({ id: pathTextSchema, n: versionNumberSchema });
