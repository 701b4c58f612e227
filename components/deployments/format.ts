import type { AwsEnvironmentName } from "@/lib/aws-connections/schemas";

/** Short names as engineers say them, and as the runtime API and the URLs spell them. */
export const ENV_NAMES: Record<AwsEnvironmentName, string> = { DEV: "dev", PREPROD: "preprod", PROD: "prod" };

export const envHref = (environment: AwsEnvironmentName) => `/environments/${ENV_NAMES[environment]}`;
