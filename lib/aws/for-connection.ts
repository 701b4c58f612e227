import { createAwsClients, destroyAwsClients, type AwsConnectionConfig } from "./clients";
import { awsConnectionTester, type ConnectionTester } from "./connection-tester";
import { awsGuardrailPublisher, type GuardrailPublisher } from "./guardrail-publisher";
import { awsGuardrailRunner, type GuardrailRunner } from "./guardrail-runner";
import { awsModelRunner, type ModelRunner } from "./model-runner";
import { awsPromptPublisher, type PromptPublisher } from "./prompt-publisher";

// The factory behind every AWS capability. There is no local Bedrock: without a connection the
// "local implementation" of each capability is "not available", with the reason to show —
// never an invented answer.

export type AwsCapabilities = {
  promptPublisher: PromptPublisher;
  guardrailPublisher: GuardrailPublisher;
  modelRunner: ModelRunner;
  guardrailRunner: GuardrailRunner;
  connectionTester: ConnectionTester;
};

export type Availability = { available: true; aws: AwsCapabilities; close: () => void } | { available: false; reason: string };

export function awsFor(environment: string, connection: AwsConnectionConfig | null): Availability {
  if (!connection) {
    return {
      available: false,
      reason: `No AWS connection is configured for ${environment}. An admin can add one under Settings → AWS connections.`,
    };
  }
  const clients = createAwsClients(connection);
  return {
    available: true,
    close: () => destroyAwsClients(clients),
    aws: {
      promptPublisher: awsPromptPublisher(clients.agent),
      guardrailPublisher: awsGuardrailPublisher(clients.bedrock),
      modelRunner: awsModelRunner(clients.runtime),
      guardrailRunner: awsGuardrailRunner(clients.runtime),
      connectionTester: awsConnectionTester(clients),
    },
  };
}
