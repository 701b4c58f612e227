import { z } from "zod";

// Limits every input shares, whichever transport it came through. They are what the storage and
// the code can take, stated once so the zod schemas — and the OpenAPI document generated from
// them — promise exactly what the server enforces.

/** Every integer column is PostgreSQL's int4; a larger number would fail in the database (500). */
export const INT4_MAX = 2_147_483_647;
export const INT4_MESSAGE = `must be at most ${INT4_MAX}`;

/**
 * How deeply free-form JSON (render variables, evaluation item inputs, dataset item inputs) may
 * nest arrays and objects. Thousands of levels would overflow the stack of whatever walks it next
 * (Prisma's JSON serialisation, the NUL check); 32 is far beyond any real variable value.
 */
export const MAX_JSON_DEPTH = 32;
export const DEPTH_MESSAGE = `must not nest arrays and objects more than ${MAX_JSON_DEPTH} levels deep`;

/** Levels of arrays and objects in a JSON value (a scalar is 0); stops counting once past `limit`. */
export function jsonDepth(value: unknown, limit = MAX_JSON_DEPTH): number {
  // Iterative: the value may be nested far deeper than the call stack allows.
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== "object") continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** A free-form value, refused (422 naming its path) when nested deeper than MAX_JSON_DEPTH. */
export function boundedJson<S extends z.ZodType>(schema: S) {
  return schema.superRefine((value, ctx) => {
    if (jsonDepth(value) > MAX_JSON_DEPTH) ctx.addIssue({ code: "custom", message: DEPTH_MESSAGE });
  });
}

/**
 * A free-form object of JSON values (variables by name, an item's input). Each value is checked
 * on its own so the 422 names it (`variables.ticket`), not just the object.
 */
export function jsonObjectSchema(message: string) {
  return z
    .record(z.string(), boundedJson(z.unknown()), message)
    .meta({ description: `Any JSON values by name: a value may nest arrays and objects at most ${MAX_JSON_DEPTH} levels deep, and no text in it (nor a name) may contain U+0000.` });
}
