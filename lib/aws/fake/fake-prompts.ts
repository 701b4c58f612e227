import { randomUUID } from "node:crypto";
import { AwsFault } from "./aws-fault";
import { ACCOUNT, now, requireString, shortId, type FakeAwsState, type Json, type PromptRecord } from "./fake-state";

// Bedrock Agent prompt management: DRAFT plus immutable numbered versions; client tokens make
// CreatePrompt and CreatePromptVersion idempotent.
export function promptOr404(state: FakeAwsState, identifier: string): PromptRecord {
  const id = identifier.startsWith("arn:") ? identifier.split("prompt/").pop()!.split(":")[0]! : identifier;
  const p = state.prompts.get(id);
  if (!p) throw new AwsFault(404, "ResourceNotFoundException", `Prompt ${identifier} does not exist`);
  return p;
}
export function promptView(p: PromptRecord, version: string, snapshot: Json) {
  return { ...snapshot, id: p.id, arn: version === "DRAFT" ? p.arn : `${p.arn}:${version}`, version, createdAt: p.createdAt, updatedAt: p.updatedAt };
}
export function createPrompt(state: FakeAwsState, body: Json) {
  const name = requireString(body, "name");
  const token = typeof body.clientToken === "string" ? `prompt:${body.clientToken}` : undefined;
  if (token && state.createTokens.has(token)) {
    const existing = state.prompts.get(state.createTokens.get(token)!)!;
    return { status: 201, body: promptView(existing, "DRAFT", existing.draft) };
  }
  if ([...state.prompts.values()].some((p) => p.draft.name === name)) throw new AwsFault(409, "ConflictException", `A prompt named ${name} already exists`);
  const id = shortId(`prompt:${name}:${randomUUID()}`);
  const t = now();
  const { clientToken: _t, tags: _tags, ...draft } = body;
  const record: PromptRecord = { id, arn: `arn:aws:bedrock:${state.region}:${ACCOUNT}:prompt/${id}`, draft, versions: [], createdAt: t, updatedAt: t, tokens: new Map() };
  state.prompts.set(id, record);
  if (token) state.createTokens.set(token, id);
  return { status: 201, body: promptView(record, "DRAFT", draft) };
}
export function updatePrompt(state: FakeAwsState, id: string, body: Json) {
  const p = promptOr404(state, id);
  requireString(body, "name");
  const { promptIdentifier: _id, ...draft } = body;
  p.draft = draft;
  p.updatedAt = now();
  return { status: 200, body: promptView(p, "DRAFT", draft) };
}
export function getPrompt(state: FakeAwsState, id: string, version: string | null) {
  const p = promptOr404(state, id);
  if (!version || version === "DRAFT") return { status: 200, body: promptView(p, "DRAFT", p.draft) };
  const snapshot = p.versions[Number(version) - 1];
  if (!snapshot) throw new AwsFault(404, "ResourceNotFoundException", `Version ${version} of prompt ${p.id} does not exist`);
  return { status: 200, body: promptView(p, version, snapshot) };
}
export function listPrompts(state: FakeAwsState, query: URLSearchParams) {
  const only = query.get("promptIdentifier");
  const summaries = [];
  for (const p of state.prompts.values()) {
    if (only) {
      if (p.id !== only && p.arn !== only) continue;
      p.versions.forEach((v, i) => summaries.push({ name: v.name, description: v.description, id: p.id, arn: `${p.arn}:${i + 1}`, version: String(i + 1), createdAt: p.createdAt, updatedAt: p.updatedAt }));
    }
    summaries.push({ name: p.draft.name, description: p.draft.description, id: p.id, arn: p.arn, version: "DRAFT", createdAt: p.createdAt, updatedAt: p.updatedAt });
  }
  return { status: 200, body: { promptSummaries: summaries } };
}
export function deletePrompt(state: FakeAwsState, id: string) {
  const p = promptOr404(state, id);
  state.prompts.delete(p.id);
  return { status: 200, body: { id: p.id } };
}
export function createPromptVersion(state: FakeAwsState, id: string, body: Json) {
  const p = promptOr404(state, id);
  const token = typeof body.clientToken === "string" ? body.clientToken : undefined;
  // Same client token → the version it already made, not a new one.
  const existing = token ? p.tokens.get(token) : undefined;
  if (existing) return { status: 201, body: promptView(p, String(existing), p.versions[existing - 1]!) };
  const snapshot = { ...p.draft, ...(typeof body.description === "string" ? { description: body.description } : {}) };
  p.versions.push(snapshot);
  const number = p.versions.length;
  if (token) p.tokens.set(token, number);
  return { status: 201, body: promptView(p, String(number), snapshot) };
}
