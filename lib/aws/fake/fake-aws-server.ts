import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AwsFault } from "./aws-fault";
import { applyGuardrail, createGuardrail, createGuardrailVersion, getGuardrail, listGuardrails, updateGuardrail } from "./fake-guardrails";
import { handleCloudWatch, handleCostExplorer } from "./fake-json-services";
import { dsSummary, getIngestionJob, kbSummary, listIngestionJobs, startIngestionJob } from "./fake-knowledge-bases";
import { createPrompt, createPromptVersion, deletePrompt, getPrompt, listPrompts, updatePrompt } from "./fake-prompts";
import { converse } from "./fake-runtime";
import { findOr404, FakeAwsState, type Fault, type FaultKind, type Json } from "./fake-state";

// Test support: a local HTTP server that answers the real AWS SDK v3 clients on the wire, for the
// Bedrock control plane (guardrails), Bedrock Agent (prompts, knowledge bases, data sources,
// ingestion jobs), Bedrock Runtime (Converse, ApplyGuardrail), CloudWatch and Cost Explorer.
// State lives in memory. Faults are injected per operation through POST /__fake/faults.
// It never pretends to be a model: Converse answers "[fake-bedrock] echo: …".

function send(res: ServerResponse, status: number, body: unknown, contentType = "application/json") {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": contentType, "content-length": Buffer.byteLength(text), "x-amzn-requestid": randomUUID() });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function faultError(kind: FaultKind): AwsFault | undefined {
  if (kind === "throttle") return new AwsFault(429, "ThrottlingException", "Too many requests, please wait before trying again.");
  if (kind === "server-error") return new AwsFault(500, "InternalServerException", "Internal server error (injected by the fake).");
  if (kind === "access-denied") return new AwsFault(403, "AccessDeniedException", "User is not authorized to perform this action (injected by the fake).");
  if (kind === "validation") return new AwsFault(400, "ValidationException", "1 validation error detected (injected by the fake).");
  return undefined;
}

type Route = { operation: string; handle: () => { status: number; body: unknown } };

/** Maps a REST-JSON request to its operation and handler. */
function restRoute(state: FakeAwsState, method: string, path: string, query: URLSearchParams, body: Json): Route | undefined {
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const [head, a, b, c, d, e] = parts;
  const r = (operation: string, handle: Route["handle"]): Route => ({ operation, handle });

  if (head === "prompts") {
    if (parts.length === 1 && method === "POST") return r("CreatePrompt", () => createPrompt(state, body));
    if (parts.length === 1 && method === "GET") return r("ListPrompts", () => listPrompts(state, query));
    if (parts.length === 2 && method === "GET") return r("GetPrompt", () => getPrompt(state, a!, query.get("promptVersion")));
    if (parts.length === 2 && method === "PUT") return r("UpdatePrompt", () => updatePrompt(state, a!, body));
    if (parts.length === 2 && method === "DELETE") return r("DeletePrompt", () => deletePrompt(state, a!));
    if (parts.length === 3 && b === "versions" && method === "POST") return r("CreatePromptVersion", () => createPromptVersion(state, a!, body));
  }
  if (head === "guardrails") {
    if (parts.length === 1 && method === "POST") return r("CreateGuardrail", () => createGuardrail(state, body));
    if (parts.length === 1 && method === "GET") return r("ListGuardrails", () => listGuardrails(state, query));
    if (parts.length === 2 && method === "GET") return r("GetGuardrail", () => getGuardrail(state, a!, query.get("guardrailVersion")));
    if (parts.length === 2 && method === "PUT") return r("UpdateGuardrail", () => updateGuardrail(state, a!, body));
    if (parts.length === 2 && method === "POST") return r("CreateGuardrailVersion", () => createGuardrailVersion(state, a!, body));
  }
  if (head === "model" && b === "converse" && parts.length === 3 && method === "POST") return r("Converse", () => converse(a!, body));
  if (head === "guardrail" && b === "version" && d === "apply" && method === "POST") {
    return r("ApplyGuardrail", () => applyGuardrail(state, a!, c!, body));
  }
  if (head === "logging" && a === "modelinvocations" && method === "GET") {
    return r("GetModelInvocationLoggingConfiguration", () => ({ status: 200, body: {} }));
  }
  if (head === "knowledgebases") {
    if (parts.length === 1 && method === "POST") return r("ListKnowledgeBases", () => ({ status: 200, body: { knowledgeBaseSummaries: state.knowledgeBases.map(kbSummary) } }));
    if (parts.length === 2 && method === "GET") return r("GetKnowledgeBase", () => ({ status: 200, body: { knowledgeBase: findOr404(state.knowledgeBases, "knowledgeBaseId", a!, "Knowledge base") } }));
    if (parts.length === 3 && b === "datasources" && method === "POST") {
      return r("ListDataSources", () => ({ status: 200, body: { dataSourceSummaries: state.dataSources.filter((s) => s.knowledgeBaseId === a).map(dsSummary) } }));
    }
    if (parts.length === 4 && b === "datasources" && method === "GET") {
      return r("GetDataSource", () => ({ status: 200, body: { dataSource: findOr404(state.dataSources.filter((s) => s.knowledgeBaseId === a), "dataSourceId", c!, "Data source") } }));
    }
    if (parts.length === 5 && d === "ingestionjobs" && method === "PUT") return r("StartIngestionJob", () => startIngestionJob(state, a!, c!, body));
    if (parts.length === 5 && d === "ingestionjobs" && method === "POST") return r("ListIngestionJobs", () => listIngestionJobs(state, a!, c!));
    if (parts.length === 6 && d === "ingestionjobs" && method === "GET") return r("GetIngestionJob", () => getIngestionJob(state, a!, c!, e!));
  }
  return undefined;
}


export { AwsFault, FakeAwsState };
export type { Fault, FaultKind };

export type FakeAws = { url: string; port: number; state: FakeAwsState; close: () => Promise<void> };

/** Starts the fake on 127.0.0.1 (port 0 = any free port). */
export async function startFakeAws(port = 0): Promise<FakeAws> {
  const state = new FakeAwsState();
  const server: Server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => {
      send(res, 500, { message: error instanceof Error ? error.message : String(error) });
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    state,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function handle(state: FakeAwsState, req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://fake");
  const method = req.method ?? "GET";
  const raw = await readBody(req);
  let body: Json = {};
  try {
    body = raw ? (JSON.parse(raw) as Json) : {};
  } catch {
    return send(res, 400, { message: "Body is not JSON" });
  }

  if (url.pathname.startsWith("/__fake/")) return control(state, method, url.pathname, body, res);

  const target = req.headers["x-amz-target"];
  const targetText = Array.isArray(target) ? target[0] : target;
  if (targetText) {
    const [service, operation = ""] = targetText.split(".");
    const json = service === "AWSInsightsIndexService" ? "1.1" : "1.0";
    const contentType = `application/x-amz-json-${json}`;
    state.calls.push(operation);
    try {
      await applyFault(state, operation);
      const result = service === "GraniteServiceVersion20100801" ? handleCloudWatch(operation, body) : service === "AWSInsightsIndexService" ? handleCostExplorer(operation, body) : undefined;
      if (!result) throw new AwsFault(400, "UnknownOperationException", `The fake does not implement ${targetText}`);
      return send(res, 200, result, contentType);
    } catch (error) {
      if (!(error instanceof AwsFault)) throw error;
      const namespace = service === "AWSInsightsIndexService" ? "com.amazonaws.costexplorer" : "com.amazonaws.cloudwatch";
      const headers: Record<string, string> = {};
      // CloudWatch is awsQuery-compatible: the query error code travels in this header.
      if (service === "GraniteServiceVersion20100801") headers["x-amzn-query-error"] = `${error.type === "ThrottlingException" ? "Throttling" : error.type};${error.status >= 500 ? "Receiver" : "Sender"}`;
      const text = JSON.stringify({ __type: `${namespace}#${error.type}`, message: error.message, Message: error.message });
      res.writeHead(error.status, { "content-type": contentType, "content-length": Buffer.byteLength(text), ...headers });
      return res.end(text);
    }
  }

  const route = restRoute(state, method, url.pathname, url.searchParams, body);
  if (!route) return sendError(res, new AwsFault(404, "UnknownOperationException", `The fake does not implement ${method} ${url.pathname}`));
  state.calls.push(route.operation);
  try {
    await applyFault(state, route.operation);
    const result = route.handle();
    return send(res, result.status, result.body);
  } catch (error) {
    if (error instanceof AwsFault) return sendError(res, error);
    throw error;
  }
}

function sendError(res: ServerResponse, error: AwsFault) {
  const text = JSON.stringify({ message: error.message });
  res.writeHead(error.status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), "x-amzn-errortype": `${error.type}:http://internal.amazon.com/coral/com.amazon.bedrock/` });
  res.end(text);
}

async function applyFault(state: FakeAwsState, operation: string) {
  const fault = state.takeFault(operation);
  if (!fault) return;
  if (fault.kind === "slow") {
    await new Promise((resolve) => setTimeout(resolve, fault.delayMs ?? 1000));
    return;
  }
  throw faultError(fault.kind)!;
}

const FAULT_KINDS: FaultKind[] = ["throttle", "server-error", "slow", "access-denied", "validation"];

function control(state: FakeAwsState, method: string, path: string, body: Json, res: ServerResponse) {
  if (path === "/__fake/faults" && method === "POST") {
    const kind = body.kind as FaultKind;
    if (typeof body.operation !== "string" || !FAULT_KINDS.includes(kind)) {
      return send(res, 400, { message: `operation (string) and kind (${FAULT_KINDS.join("|")}) are required` });
    }
    const fault: Fault = { operation: body.operation, kind, count: Number(body.count ?? 1), delayMs: body.delayMs === undefined ? undefined : Number(body.delayMs) };
    state.faults.push(fault);
    return send(res, 200, { faults: state.faults });
  }
  if (path === "/__fake/faults" && method === "DELETE") {
    state.faults = [];
    return send(res, 200, { faults: [] });
  }
  if (path === "/__fake/reset" && method === "POST") {
    state.reset();
    return send(res, 200, { ok: true });
  }
  if (path === "/__fake/state" && method === "GET") {
    return send(res, 200, {
      calls: state.calls,
      faults: state.faults,
      prompts: [...state.prompts.values()].map((p) => ({ id: p.id, arn: p.arn, name: p.draft.name, versions: p.versions.length })),
      guardrails: [...state.guardrails.values()].map((g) => ({ id: g.id, arn: g.arn, name: g.draft.name, versions: g.versions.length })),
    });
  }
  return send(res, 404, { message: `Unknown control route ${method} ${path}` });
}
