"use server";

import { runAction } from "@/lib/actions/run-action";
import { deleteAwsConnection } from "@/lib/aws-connections/delete-aws-connection";
import { saveAwsConnection } from "@/lib/aws-connections/save-aws-connection";
import { testAwsConnection } from "@/lib/aws-connections/test-aws-connection";

// Thin transports: the services validate, authorise and audit.
export async function saveAwsConnectionAction(input: unknown) {
  return runAction("aws-connection:manage", (ctx) => saveAwsConnection(ctx, input));
}

export async function deleteAwsConnectionAction(environment: string) {
  return runAction("aws-connection:manage", (ctx) => deleteAwsConnection(ctx, String(environment)));
}

export async function testAwsConnectionAction(environment: string) {
  return runAction("aws-connection:manage", (ctx) => testAwsConnection(ctx, String(environment)));
}
