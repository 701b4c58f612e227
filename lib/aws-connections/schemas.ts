import { z } from "zod";

// Shared by the settings form and the services.
export const AWS_ENVIRONMENTS = ["DEV", "PREPROD", "PROD"] as const;
export type AwsEnvironmentName = (typeof AWS_ENVIRONMENTS)[number];
export const ENVIRONMENT_LABELS: Record<AwsEnvironmentName, string> = { DEV: "Development", PREPROD: "Pre-production", PROD: "Production" };

export const environmentSchema = z.enum(AWS_ENVIRONMENTS, "must be DEV, PREPROD or PROD");

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

export const saveAwsConnectionSchema = z
  .object({
    environment: environmentSchema,
    region: z
      .string("is required")
      .trim()
      .regex(/^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d{1,2}$/, "must be an AWS region such as us-east-1 or eu-west-3"),
    roleArn: z.preprocess(
      blankToNull,
      z
        .string()
        .max(2048, "must be at most 2048 characters")
        .regex(/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, "must be an IAM role ARN such as arn:aws:iam::123456789012:role/strata-console")
        .nullable()
        .default(null),
    ),
    endpointOverride: z.preprocess(
      blankToNull,
      z
        .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://bedrock.us-east-1.amazonaws.com" })
        .max(2048, "must be at most 2048 characters")
        .nullable()
        .default(null),
    ),
  })
  .strict();

export type SaveAwsConnectionInput = z.input<typeof saveAwsConnectionSchema>;
