import { createHash } from "node:crypto";
import { AwsFault } from "./aws-fault";

// The fake's in-memory state and the helpers every fake service shares.
export type FaultKind = "throttle" | "server-error" | "slow" | "access-denied" | "validation";
export type Fault = { operation: string; kind: FaultKind; count: number; delayMs?: number };

export type Json = Record<string, unknown>;
export type PromptRecord = { id: string; arn: string; draft: Json; versions: Json[]; createdAt: string; updatedAt: string; tokens: Map<string, number> };
export type GuardrailRecord = { id: string; arn: string; draft: Json; versions: Json[]; createdAt: string; updatedAt: string; tokens: Map<string, number> };
export type IngestionJob = Json & { ingestionJobId: string; status: string; reads: number };


export const ACCOUNT = "123456789012";
export const now = () => new Date().toISOString();
export const shortId = (seed: string) => createHash("sha256").update(seed).digest("hex").slice(0, 10).toUpperCase();

export class FakeAwsState {
  prompts = new Map<string, PromptRecord>();
  guardrails = new Map<string, GuardrailRecord>();
  createTokens = new Map<string, string>();
  faults: Fault[] = [];
  calls: string[] = [];
  knowledgeBases: Json[] = [];
  dataSources: Json[] = [];
  ingestionJobs: IngestionJob[] = [];
  region = "us-east-1";

  constructor() {
    this.reset();
  }

  reset() {
    this.prompts.clear();
    this.guardrails.clear();
    this.createTokens.clear();
    this.faults = [];
    this.calls = [];
    this.ingestionJobs = [];
    const t = now();
    this.knowledgeBases = [
      {
        knowledgeBaseId: "KBFAKE0001",
        name: "support-articles",
        description: "Fake knowledge base of support articles",
        knowledgeBaseArn: `arn:aws:bedrock:${this.region}:${ACCOUNT}:knowledge-base/KBFAKE0001`,
        roleArn: `arn:aws:iam::${ACCOUNT}:role/fake-kb-role`,
        knowledgeBaseConfiguration: {
          type: "VECTOR",
          vectorKnowledgeBaseConfiguration: { embeddingModelArn: `arn:aws:bedrock:${this.region}::foundation-model/amazon.titan-embed-text-v2:0` },
        },
        storageConfiguration: { type: "S3_VECTORS" },
        status: "ACTIVE",
        createdAt: t,
        updatedAt: t,
        failureReasons: [],
      },
    ];
    this.dataSources = [
      {
        knowledgeBaseId: "KBFAKE0001",
        dataSourceId: "DSFAKE0001",
        name: "support-bucket",
        description: "Fake S3 data source",
        status: "AVAILABLE",
        dataSourceConfiguration: { type: "S3", s3Configuration: { bucketArn: "arn:aws:s3:::fake-support-articles", inclusionPrefixes: ["kb/"] } },
        vectorIngestionConfiguration: { chunkingConfiguration: { chunkingStrategy: "FIXED_SIZE", fixedSizeChunkingConfiguration: { maxTokens: 300, overlapPercentage: 20 } } },
        dataDeletionPolicy: "RETAIN",
        createdAt: t,
        updatedAt: t,
      },
    ];
  }

  /** Consumes one matching fault for the operation, if any. */
  takeFault(operation: string): Fault | undefined {
    const fault = this.faults.find((f) => (f.operation === operation || f.operation === "*") && f.count > 0);
    if (fault) fault.count -= 1;
    this.faults = this.faults.filter((f) => f.count > 0);
    return fault;
  }
}

export function requireString(body: Json, field: string): string {
  const value = body[field];
  if (typeof value !== "string" || !value) throw new AwsFault(400, "ValidationException", `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must not be null`);
  return value;
}

export function findOr404(items: Json[], key: string, id: string, what: string): Json {
  const item = items.find((i) => i[key] === id);
  if (!item) throw new AwsFault(404, "ResourceNotFoundException", `${what} ${id} does not exist`);
  return item;
}
