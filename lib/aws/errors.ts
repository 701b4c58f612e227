import { AppError, type ErrorCode } from "@/lib/errors";

// One vocabulary for AWS failures, shown to people as what they are. AWS's own message is kept.
export type AwsErrorKind = "throttled" | "unavailable" | "access-denied" | "validation" | "not-found" | "other";
export type AwsFailure = { kind: AwsErrorKind; name: string; message: string; status?: number };

const THROTTLED = new Set(["ThrottlingException", "Throttling", "TooManyRequestsException", "ServiceQuotaExceededException", "LimitExceededException", "RequestLimitExceeded", "ModelNotReadyException"]);
const UNAVAILABLE = new Set(["ServiceUnavailableException", "InternalServerException", "InternalFailure", "ModelTimeoutException", "TimeoutError", "RequestTimeout", "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"]);
const ACCESS_DENIED = new Set(["AccessDeniedException", "AccessDenied", "UnauthorizedOperation", "UnrecognizedClientException", "InvalidSignatureException", "ExpiredTokenException", "CredentialsProviderError", "InvalidClientTokenId"]);
const VALIDATION = new Set(["ValidationException", "ConflictException", "BadRequestException", "InvalidParameterValue", "InvalidParameterCombination", "DataUnavailableException", "InvalidNextTokenException", "BillExpirationException", "RequestChangedException"]);
const NOT_FOUND = new Set(["ResourceNotFoundException", "NotFoundException", "ResourceNotFound"]);

export function toAwsFailure(error: unknown): AwsFailure {
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    name?: string; code?: string; message?: string; Message?: string; $metadata?: { httpStatusCode?: number }; $response?: { statusCode?: number };
  };
  const name = e.code && !e.name?.endsWith("Exception") && UNAVAILABLE.has(e.code) ? e.code : (e.name ?? e.code ?? "Error");
  const status = e.$metadata?.httpStatusCode ?? e.$response?.statusCode;
  const message = (e.message || e.Message || String(error)).slice(0, 1000);
  let kind: AwsErrorKind = "other";
  if (THROTTLED.has(name) || status === 429) kind = "throttled";
  else if (ACCESS_DENIED.has(name) || status === 403) kind = "access-denied";
  else if (NOT_FOUND.has(name) || status === 404) kind = "not-found";
  else if (VALIDATION.has(name)) kind = "validation";
  else if (UNAVAILABLE.has(name) || (status !== undefined && status >= 500)) kind = "unavailable";
  else if (status === 400) kind = "validation";
  return { kind, name, message, ...(status === undefined ? {} : { status }) };
}

export const AWS_KIND_LABELS: Record<AwsErrorKind, string> = {
  throttled: "Throttled by AWS",
  unavailable: "AWS unavailable",
  "access-denied": "Access denied",
  validation: "Rejected by AWS (validation)",
  "not-found": "Not found in AWS",
  other: "AWS error",
};

// Reuses the existing error codes rather than adding a 502: the kind travels in `details`.
const CODE_BY_KIND: Record<AwsErrorKind, ErrorCode> = {
  throttled: "RATE_LIMITED",
  unavailable: "INTERNAL",
  "access-denied": "FORBIDDEN",
  validation: "BAD_REQUEST",
  "not-found": "NOT_FOUND",
  other: "INTERNAL",
};

/** The AppError a service throws after an AWS call failed (already recorded where relevant). */
export function awsAppError(what: string, failure: AwsFailure): AppError {
  return new AppError(CODE_BY_KIND[failure.kind], `${what}: ${AWS_KIND_LABELS[failure.kind]} — ${failure.name}: ${failure.message}`, {
    aws: { kind: failure.kind, name: failure.name, message: failure.message },
  });
}

/** Stored form of a failure: "kind|name: message". */
export function formatFailure(failure: AwsFailure): string {
  return `${failure.kind}|${failure.name}: ${failure.message}`;
}

export function parseStoredFailure(stored: string | null): AwsFailure | null {
  if (!stored) return null;
  const bar = stored.indexOf("|");
  const kind = stored.slice(0, bar) as AwsErrorKind;
  const rest = stored.slice(bar + 1);
  const colon = rest.indexOf(": ");
  if (bar < 0 || !(kind in AWS_KIND_LABELS)) return { kind: "other", name: "Error", message: stored };
  return { kind, name: colon < 0 ? "Error" : rest.slice(0, colon), message: colon < 0 ? rest : rest.slice(colon + 2) };
}
