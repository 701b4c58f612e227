import { z } from "zod";

// One error model for every transport: services throw AppError; route handlers and server
// actions turn it into `{ error: { code, message, details } }` with the status below. Anything
// else is an internal error whose message never reaches the client.
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  VALIDATION_FAILED: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldError = { field: string; message: string };
export type PublicError = { code: ErrorCode; message: string; details?: unknown };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("NOT_FOUND", `${what} was not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("FORBIDDEN", message);

export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length ? issue.path.join(".") : "(body)",
    message: issue.message,
  }));
}

export function validationError(errors: FieldError[]): AppError {
  const summary = errors
    .slice(0, 5)
    .map((e) => `${e.field}: ${e.message}`)
    .join("; ");
  return new AppError("VALIDATION_FAILED", `Invalid input — ${summary}`, { fields: errors });
}

/** The path of the first text (value or key) holding a NUL character, which PostgreSQL cannot store. */
export function nulPath(value: unknown): (string | number)[] | null {
  // Iterative, in document order: the value may be nested deeper than the call stack allows
  // (the depth limit is checked by the same parse that calls this).
  type Frame = { value: unknown; key?: string | number; parent?: Frame };
  const pathOf = (frame: Frame) => {
    const path: (string | number)[] = [];
    for (let f: Frame | undefined = frame; f?.parent; f = f.parent) path.unshift(f.key!);
    return path;
  };
  const stack: Frame[] = [{ value }];
  while (stack.length) {
    const frame = stack.pop()!;
    const v = frame.value;
    if (typeof frame.key === "string" && frame.key.includes("\u0000")) return pathOf(frame);
    if (typeof v === "string") {
      if (v.includes("\u0000")) return pathOf(frame);
    } else if (v && typeof v === "object" && !(v instanceof Date)) {
      const children: [string | number, unknown][] = Array.isArray(v) ? v.map((c, i) => [i, c]) : Object.entries(v);
      for (let i = children.length - 1; i >= 0; i--) stack.push({ value: children[i]![1], key: children[i]![0], parent: frame });
    }
  }
  return null;
}

export const NUL_MESSAGE = "must not contain the NUL character (\\u0000)";

/**
 * Parses with a zod schema or throws a 422 AppError naming every bad field. Text holding a NUL
 * character is refused here for every input, because PostgreSQL would refuse it with a 500.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationError(fieldErrors(result.error));
  const nul = nulPath(result.data);
  if (nul) throw validationError([{ field: nul.length ? nul.join(".") : "(body)", message: NUL_MESSAGE }]);
  return result.data;
}

/** Prisma's unique-constraint violation, mapped by callers to a 409 naming the field. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: string }).code === "P2002";
}

export function toPublicError(error: unknown): PublicError {
  if (error instanceof AppError) {
    return { code: error.code, message: error.message, ...(error.details === undefined ? {} : { details: error.details }) };
  }
  console.error("[strata] internal error", error);
  return { code: "INTERNAL", message: "Something went wrong on our side. The error was logged." };
}
