import type { OpenApiDocument } from "@/lib/api/openapi";

// Test support only: reads the OpenAPI document the way a client generator would — its
// operations, parameters and request bodies — so the API tests derive their requests from what
// the document promises instead of from a hand-kept list.

export type Schema = Record<string, unknown>;
export type Parameter = { name: string; in: "path" | "query" | "header"; required?: boolean; schema: Schema };
export type Operation = {
  template: string;
  method: string;
  operationId: string;
  description: string;
  parameters: Parameter[];
  body?: Schema;
};
export type FieldPath = (string | number)[];

type RawOperation = { operationId: string; description?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> } };

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([template, operations]) =>
    Object.entries(operations as Record<string, RawOperation>).map(([method, op]) => ({
      template,
      method: method.toUpperCase(),
      operationId: op.operationId,
      description: op.description ?? "",
      parameters: op.parameters ?? [],
      body: op.requestBody?.content["application/json"]?.schema,
    })),
  );
}

/** Follows a `$ref` into components.schemas. */
export function deref(doc: OpenApiDocument, schema: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== "string") return schema;
  return (doc.components.schemas as Record<string, Schema>)[ref.replace("#/components/schemas/", "")]!;
}

/**
 * Every field a body may carry, with its schema: object properties, the first item of arrays,
 * `key` in free-form objects, and the fields of every variant of a union.
 */
export function fieldsOf(doc: OpenApiDocument, schema: Schema, path: FieldPath = []): { path: FieldPath; schema: Schema }[] {
  const s = deref(doc, schema);
  const variants = ([...((s.anyOf as Schema[]) ?? []), ...((s.oneOf as Schema[]) ?? [])]).flatMap((v) => fieldsOf(doc, v, path).filter((f) => f.path.length > path.length));
  const properties = Object.entries((s.properties as Record<string, Schema>) ?? {}).flatMap(([name, p]) => [{ path: [...path, name], schema: deref(doc, p) }, ...fieldsOf(doc, p, [...path, name])]);
  const items = s.items ? [{ path: [...path, 0], schema: deref(doc, s.items as Schema) }, ...fieldsOf(doc, s.items as Schema, [...path, 0])] : [];
  const free = s.additionalProperties && typeof s.additionalProperties === "object" ? [{ path: [...path, "key"], schema: s.additionalProperties as Schema }] : [];
  return [...variants, ...properties, ...items, ...free];
}

/** Whether a schema (or one of its variants) is an integer. */
export function isInteger(doc: OpenApiDocument, schema: Schema): boolean {
  const s = deref(doc, schema);
  return s.type === "integer" || ((s.anyOf as Schema[] | undefined) ?? []).some((v) => isInteger(doc, v));
}

/** A copy of `body` with `value` at `path`, creating the objects and arrays on the way. */
export function plant(body: unknown, path: FieldPath, value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const container = (Array.isArray(body) ? [...body] : typeof head === "number" ? [] : { ...(body as object) }) as Record<string | number, unknown>;
  container[head!] = plant(container[head!], rest, value);
  return container;
}
