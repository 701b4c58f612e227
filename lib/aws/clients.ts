import { BedrockClient } from "@aws-sdk/client-bedrock";
import { BedrockAgentClient } from "@aws-sdk/client-bedrock-agent";
import { BedrockRuntimeClient } from "@aws-sdk/client-bedrock-runtime";
import { CloudWatchClient } from "@aws-sdk/client-cloudwatch";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { fromTemporaryCredentials } from "@aws-sdk/credential-providers";
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from "@aws-sdk/types";
import { NodeHttpHandler } from "@smithy/node-http-handler";

/** What the SDK clients need from an AwsConnection row. Credentials are never stored. */
export type AwsConnectionConfig = {
  environment: string;
  region: string;
  roleArn?: string | null;
  endpointOverride?: string | null;
};

export type ClientOptions = {
  /** Total attempts including the first (standard retry strategy: exponential backoff + jitter). */
  maxAttempts?: number;
  /** Per-request socket timeout; a slow AWS answer fails as a timeout instead of hanging. */
  requestTimeoutMs?: number;
  /** Tests only: explicit credentials instead of the provider chain. */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
};

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;

export type AwsClients = {
  bedrock: BedrockClient;
  agent: BedrockAgentClient;
  runtime: BedrockRuntimeClient;
  cloudwatch: CloudWatchClient;
  costExplorer: CostExplorerClient;
};

function credentialsFor(connection: AwsConnectionConfig, options: ClientOptions) {
  if (options.credentials) return options.credentials;
  // No role: undefined lets every client use the standard provider chain (env, profile, SSO,
  // web identity, container/instance role). With a role: the chain's identity assumes it.
  if (!connection.roleArn) return undefined;
  return fromTemporaryCredentials({
    params: { RoleArn: connection.roleArn, RoleSessionName: `strata-${connection.environment.toLowerCase()}`, DurationSeconds: 900 },
    clientConfig: { region: connection.region },
  });
}

/** One configuration for every client of a connection: same region, endpoint, identity, retries. */
export function clientConfig(connection: AwsConnectionConfig, options: ClientOptions = {}) {
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  return {
    region: connection.region,
    ...(connection.endpointOverride ? { endpoint: connection.endpointOverride } : {}),
    credentials: credentialsFor(connection, options),
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: "standard" as const,
    // HTTP/1.1 everywhere: bedrock-runtime's default HTTP/2 handler cannot talk to HTTP/1.1 servers.
    requestHandler: new NodeHttpHandler({ connectionTimeout: 5_000, requestTimeout, throwOnRequestTimeout: true }),
  };
}

export function createAwsClients(connection: AwsConnectionConfig, options: ClientOptions = {}): AwsClients {
  const config = clientConfig(connection, options);
  return {
    bedrock: new BedrockClient(config),
    agent: new BedrockAgentClient(config),
    runtime: new BedrockRuntimeClient(config),
    cloudwatch: new CloudWatchClient(config),
    costExplorer: new CostExplorerClient(config),
  };
}

export function destroyAwsClients(clients: AwsClients) {
  for (const client of Object.values(clients)) client.destroy();
}
