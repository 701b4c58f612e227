import { z } from "zod";

// The one conversion from zod to the JSON Schema of the OpenAPI document. Requests are described
// as clients may send them (`input`), responses as they come back (`output`). Two rules the
// server enforces on every input are not visible in a zod schema's shape, so they are written
// into every request string here:
// - parseInput refuses the NUL character in any text (PostgreSQL cannot store it);
// - `.trim()` runs before `.min(n)`, so "  " is too short for a field that needs one character.

type JsonSchema = Record<string, unknown>;

/** Matches text without U+0000. */
export const NUL_FREE_PATTERN = "^[^\\u0000]*$";

/** Matches text that still has at least `min` characters once leading and trailing whitespace is trimmed. */
export function trimmedMinPattern(min: number): string {
  return min === 1 ? "\\S" : `\\S[\\s\\S]{${min - 2},}\\S`;
}

type Check = { _zod: { def: { check: string; tx?: (s: string) => string; minimum?: number } } };

/** The length a trimmed string needs, when the schema trims before checking its minimum length. */
function trimmedMinimum(schema: z.ZodType): number | undefined {
  const checks = ((schema._zod.def as { checks?: Check[] }).checks ?? []).map((c) => c._zod.def);
  const trim = checks.findIndex((c) => c.check === "overwrite" && c.tx?.("  x  ") === "x");
  const min = checks.findIndex((c) => c.check === "min_length");
  return trim !== -1 && min > trim ? checks[min]!.minimum : undefined;
}

function describeInputString(schema: z.ZodType, json: JsonSchema) {
  if (json.type !== "string" || json.enum || json.const !== undefined) return;
  const trimmedMin = trimmedMinimum(schema);
  const patterns = [
    ...(typeof json.pattern === "string" ? [json.pattern] : []),
    ...((json.allOf as JsonSchema[] | undefined) ?? []).map((s) => s.pattern as string),
    NUL_FREE_PATTERN,
    ...(trimmedMin ? [trimmedMinPattern(trimmedMin)] : []),
  ];
  delete json.pattern;
  delete json.allOf;
  if (patterns.length === 1) json.pattern = patterns[0];
  else json.allOf = patterns.map((pattern) => ({ pattern }));
}

export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const override = io === "input" ? (ctx: { zodSchema: unknown; jsonSchema: JsonSchema }) => describeInputString(ctx.zodSchema as z.ZodType, ctx.jsonSchema) : undefined;
  // OpenAPI 3.1 declares the 2020-12 dialect once for the document; drop the per-schema marker.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, override });
  return rest;
}
