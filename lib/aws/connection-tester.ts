import { ListGuardrailsCommand } from "@aws-sdk/client-bedrock";
import { ListKnowledgeBasesCommand, ListPromptsCommand } from "@aws-sdk/client-bedrock-agent";
import { ListMetricsCommand } from "@aws-sdk/client-cloudwatch";
import { GetCostAndUsageCommand } from "@aws-sdk/client-cost-explorer";
import type { AwsClients } from "./clients";
import { toAwsFailure, type AwsErrorKind } from "./errors";

// "Which of the things Strata does with AWS work with this connection?" — one cheap read per
// capability, each reported ok or with AWS's error, never all-or-nothing.

export const CAPABILITIES = [
  { key: "prompts", label: "Prompt management", operation: "ListPrompts" },
  { key: "guardrails", label: "Guardrails", operation: "ListGuardrails" },
  { key: "knowledgeBases", label: "Knowledge bases", operation: "ListKnowledgeBases" },
  { key: "metrics", label: "CloudWatch metrics", operation: "ListMetrics" },
  { key: "costs", label: "Cost Explorer", operation: "GetCostAndUsage" },
] as const;

export type CapabilityKey = (typeof CAPABILITIES)[number]["key"];
export type CapabilityResult =
  | { key: CapabilityKey; label: string; operation: string; ok: true; detail: string; ms: number }
  | { key: CapabilityKey; label: string; operation: string; ok: false; kind: AwsErrorKind; errorName: string; message: string; ms: number };

export type ConnectionTestResult = { testedAt: string; ok: boolean; capabilities: CapabilityResult[] };

export interface ConnectionTester {
  test(): Promise<ConnectionTestResult>;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function awsConnectionTester(clients: AwsClients): ConnectionTester {
  const probes: Record<CapabilityKey, () => Promise<string>> = {
    prompts: async () => `${(await clients.agent.send(new ListPromptsCommand({ maxResults: 10 }))).promptSummaries?.length ?? 0} prompt(s) listed`,
    guardrails: async () => `${(await clients.bedrock.send(new ListGuardrailsCommand({ maxResults: 10 }))).guardrails?.length ?? 0} guardrail(s) listed`,
    knowledgeBases: async () => `${(await clients.agent.send(new ListKnowledgeBasesCommand({ maxResults: 10 }))).knowledgeBaseSummaries?.length ?? 0} knowledge base(s) listed`,
    metrics: async () => `${(await clients.cloudwatch.send(new ListMetricsCommand({ Namespace: "AWS/Bedrock" }))).Metrics?.length ?? 0} AWS/Bedrock metric(s)`,
    costs: async () => {
      const end = new Date();
      const start = new Date(end.getTime() - 86_400_000);
      const out = await clients.costExplorer.send(
        new GetCostAndUsageCommand({ TimePeriod: { Start: day(start), End: day(end) }, Granularity: "DAILY", Metrics: ["UnblendedCost"] }),
      );
      return `${out.ResultsByTime?.length ?? 0} day(s) of cost data`;
    },
  };
  return {
    async test() {
      const capabilities = await Promise.all(
        CAPABILITIES.map(async (c): Promise<CapabilityResult> => {
          const started = performance.now();
          try {
            const detail = await probes[c.key]();
            return { ...c, ok: true, detail, ms: Math.round(performance.now() - started) };
          } catch (error) {
            const f = toAwsFailure(error);
            return { ...c, ok: false, kind: f.kind, errorName: f.name, message: f.message, ms: Math.round(performance.now() - started) };
          }
        }),
      );
      return { testedAt: new Date().toISOString(), ok: capabilities.every((c) => c.ok), capabilities };
    },
  };
}
