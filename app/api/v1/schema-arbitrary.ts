import fc from "fast-check";
import type { OpenApiDocument } from "@/lib/api/openapi";
import { deref, type Schema } from "./openapi-walk";

// Test support only: fast-check arbitraries for exactly what a JSON Schema of the OpenAPI
// document allows — the keywords z.toJSONSchema emits. A keyword this does not know fails the
// test rather than being ignored, so the generator never quietly allows less than the document.

/** Values a field may take besides random ones (real ids), by property name; each must be schema-valid. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

const KNOWN = new Set([
  "type", "properties", "required", "additionalProperties", "propertyNames", "items", "minItems", "maxItems",
  "minLength", "maxLength", "pattern", "allOf", "format", "enum", "const", "anyOf", "oneOf", "minimum", "maximum",
  "exclusiveMinimum", "exclusiveMaximum", "minProperties", "default", "description", "$ref",
]);
/** Arrays and free-form objects are kept small: the rules are the same for 3 items as for 3,000. */
const MAX_ITEMS = 3;

const nulFree = (value: unknown) => !JSON.stringify(value).includes("\\u0000");

function stringArbitrary(s: Schema): fc.Arbitrary<string> {
  const patterns = [s.pattern, ...((s.allOf as Schema[] | undefined) ?? []).map((a) => a.pattern)].filter((p): p is string => typeof p === "string").map((p) => new RegExp(p, "u"));
  const minLength = (s.minLength as number | undefined) ?? 0;
  const maxLength = (s.maxLength as number | undefined) ?? Infinity;
  // The most specific pattern drives generation; the others (NUL-free, trimmed length) filter.
  const specific = patterns.find((p) => !["^[^\\u0000]*$", "\\S"].includes(p.source) && !p.source.startsWith("\\S[\\s\\S]"));
  const base = s.format === "uri" ? fc.webUrl({ withQueryParameters: true, withFragments: true }) : specific ? fc.stringMatching(specific) : fc.string({ unit: "binary", minLength, maxLength: Math.min(maxLength, minLength + 40) });
  const length = (v: string) => [...v].length;
  return base.filter((v) => length(v) >= minLength && length(v) <= maxLength && patterns.every((p) => p.test(v)));
}

function numberArbitrary(s: Schema): fc.Arbitrary<number> {
  const min = (s.minimum as number | undefined) ?? (s.exclusiveMinimum as number | undefined);
  const max = (s.maximum as number | undefined) ?? (s.exclusiveMaximum as number | undefined);
  const base = s.type === "integer" ? fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  return base.filter((v) => (s.exclusiveMinimum === undefined || v > (s.exclusiveMinimum as number)) && (s.exclusiveMaximum === undefined || v < (s.exclusiveMaximum as number)));
}

function objectArbitrary(doc: OpenApiDocument, s: Schema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
  const required = new Set((s.required as string[] | undefined) ?? []);
  const known = fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, withHint(name, arbitraryFor(doc, p, hints), hints)])),
    { requiredKeys: Object.keys(properties).filter((k) => required.has(k)) },
  );
  const extra = s.additionalProperties;
  const free = extra && typeof extra === "object"
    ? fc.dictionary(arbitraryFor(doc, { type: "string", ...((s.propertyNames as Schema | undefined) ?? {}) }, hints) as fc.Arbitrary<string>, arbitraryFor(doc, extra as Schema, hints), { maxKeys: MAX_ITEMS })
    : fc.constant({});
  return fc.tuple(free, known).map(([a, b]) => ({ ...a, ...b })).filter((o) => Object.keys(o).length >= ((s.minProperties as number | undefined) ?? 0));
}

function withHint(name: string, arbitrary: fc.Arbitrary<unknown>, hints: Hints) {
  return hints[name] ? fc.oneof({ arbitrary, weight: 1 }, { arbitrary: hints[name]!, weight: 3 }) : arbitrary;
}

/** Any value the schema allows (within the small sizes above). */
export function arbitraryFor(doc: OpenApiDocument, schema: Schema, hints: Hints = {}): fc.Arbitrary<unknown> {
  const s = deref(doc, schema);
  const unknown = Object.keys(s).filter((k) => !KNOWN.has(k));
  if (unknown.length) throw new Error(`schema-arbitrary does not know ${unknown.join(", ")} in ${JSON.stringify(s)}`);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const variants = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (variants) return fc.oneof(...variants.map((v) => arbitraryFor(doc, v, hints)));
  switch (s.type) {
    case "string":
      return stringArbitrary(s);
    case "integer":
    case "number":
      return numberArbitrary(s);
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array":
      return fc.array(arbitraryFor(doc, s.items as Schema, hints), { minLength: (s.minItems as number | undefined) ?? 0, maxLength: Math.min((s.maxItems as number | undefined) ?? MAX_ITEMS, MAX_ITEMS) });
    case "object":
      return objectArbitrary(doc, s, hints);
    case undefined:
      // `{}`: any JSON value. Its description states what the server adds (no NUL, bounded depth).
      return fc.jsonValue({ maxDepth: 3 }).filter(nulFree);
    default:
      throw new Error(`schema-arbitrary does not know type ${String(s.type)}`);
  }
}
