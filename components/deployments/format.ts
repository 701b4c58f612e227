import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";

export const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC" }) + " UTC";

/** Short names as engineers say them, and as the runtime API and the URLs spell them. */
export const ENV_NAMES: Record<AwsEnvironmentName, string> = { DEV: "dev", PREPROD: "preprod", PROD: "prod" };

export const envHref = (environment: AwsEnvironmentName) => `/environments/${ENV_NAMES[environment]}`;
