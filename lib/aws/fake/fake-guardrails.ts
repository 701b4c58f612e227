import { randomUUID } from "node:crypto";
import { AwsFault } from "./aws-fault";
import { applyGuardrailPolicies, type FakeGuardrailConfig } from "./fake-guardrail-policies";
import { ACCOUNT, now, requireString, shortId, type FakeAwsState, type GuardrailRecord, type Json } from "./fake-state";

// Bedrock guardrails (control plane) and runtime ApplyGuardrail on a stored version.
export function guardrailOr404(state: FakeAwsState, id: string): GuardrailRecord {
  const key = id.startsWith("arn:") ? id.split("/").pop()! : id;
  const g = state.guardrails.get(key);
  if (!g) throw new AwsFault(404, "ResourceNotFoundException", `Guardrail ${id} does not exist`);
  return g;
}
export function requireMessaging(body: Json) {
  requireString(body, "name");
  requireString(body, "blockedInputMessaging");
  requireString(body, "blockedOutputsMessaging");
}
export function createGuardrail(state: FakeAwsState, body: Json) {
  requireMessaging(body);
  // Guardrail operations name their idempotency token clientRequestToken (prompts: clientToken).
  const token = typeof body.clientRequestToken === "string" ? `guardrail:${body.clientRequestToken}` : undefined;
  if (token && state.createTokens.has(token)) {
    const g = state.guardrails.get(state.createTokens.get(token)!)!;
    return { status: 202, body: { guardrailId: g.id, guardrailArn: g.arn, version: "DRAFT", createdAt: g.createdAt } };
  }
  if ([...state.guardrails.values()].some((g) => g.draft.name === body.name)) throw new AwsFault(400, "ConflictException", `A guardrail named ${String(body.name)} already exists`);
  const id = shortId(`guardrail:${String(body.name)}:${randomUUID()}`).toLowerCase();
  const t = now();
  const { clientRequestToken: _c, tags: _t, ...draft } = body;
  const g: GuardrailRecord = { id, arn: `arn:aws:bedrock:${state.region}:${ACCOUNT}:guardrail/${id}`, draft, versions: [], createdAt: t, updatedAt: t, tokens: new Map() };
  state.guardrails.set(id, g);
  if (token) state.createTokens.set(token, id);
  return { status: 202, body: { guardrailId: id, guardrailArn: g.arn, version: "DRAFT", createdAt: t } };
}
export function updateGuardrail(state: FakeAwsState, id: string, body: Json) {
  const g = guardrailOr404(state, id);
  requireMessaging(body);
  const { guardrailIdentifier: _i, ...draft } = body;
  g.draft = draft;
  g.updatedAt = now();
  return { status: 202, body: { guardrailId: g.id, guardrailArn: g.arn, version: "DRAFT", updatedAt: g.updatedAt } };
}
export function createGuardrailVersion(state: FakeAwsState, id: string, body: Json) {
  const g = guardrailOr404(state, id);
  const token = typeof body.clientRequestToken === "string" ? body.clientRequestToken : undefined;
  const existing = token ? g.tokens.get(token) : undefined;
  if (existing) return { status: 202, body: { guardrailId: g.id, version: String(existing) } };
  g.versions.push({ ...g.draft, versionDescription: body.description });
  if (token) g.tokens.set(token, g.versions.length);
  return { status: 202, body: { guardrailId: g.id, version: String(g.versions.length) } };
}
// Output names drop the `Config` suffix of the input names.
export function guardrailOutput(config: Json) {
  const topics = (config.topicPolicyConfig as Json | undefined)?.topicsConfig;
  const filters = (config.contentPolicyConfig as Json | undefined)?.filtersConfig;
  const words = config.wordPolicyConfig as Json | undefined;
  const sensitive = config.sensitiveInformationPolicyConfig as Json | undefined;
  const grounding = (config.contextualGroundingPolicyConfig as Json | undefined)?.filtersConfig;
  return {
    name: config.name, description: config.description,
    ...(topics ? { topicPolicy: { topics } } : {}),
    ...(filters ? { contentPolicy: { filters } } : {}),
    ...(words ? { wordPolicy: { words: words.wordsConfig ?? [], managedWordLists: words.managedWordListsConfig ?? [] } } : {}),
    ...(sensitive ? { sensitiveInformationPolicy: { piiEntities: sensitive.piiEntitiesConfig ?? [], regexes: sensitive.regexesConfig ?? [] } } : {}),
    ...(grounding ? { contextualGroundingPolicy: { filters: grounding } } : {}),
    blockedInputMessaging: config.blockedInputMessaging, blockedOutputsMessaging: config.blockedOutputsMessaging,
  };
}
export function getGuardrail(state: FakeAwsState, id: string, version: string | null) {
  const g = guardrailOr404(state, id);
  const config = !version || version === "DRAFT" ? g.draft : g.versions[Number(version) - 1];
  if (!config) throw new AwsFault(404, "ResourceNotFoundException", `Version ${version} of guardrail ${g.id} does not exist`);
  return { status: 200, body: { ...guardrailOutput(config), guardrailId: g.id, guardrailArn: g.arn, version: version ?? "DRAFT", status: "READY", createdAt: g.createdAt, updatedAt: g.updatedAt } };
}
export function listGuardrails(state: FakeAwsState, query: URLSearchParams) {
  const only = query.get("guardrailIdentifier");
  const guardrails = [];
  for (const g of state.guardrails.values()) {
    if (only && g.id !== only && g.arn !== only) continue;
    guardrails.push({ id: g.id, arn: g.arn, status: "READY", name: g.draft.name, description: g.draft.description, version: "DRAFT", createdAt: g.createdAt, updatedAt: g.updatedAt });
    if (only) g.versions.forEach((v, i) => guardrails.push({ id: g.id, arn: g.arn, status: "READY", name: v.name, version: String(i + 1), createdAt: g.createdAt, updatedAt: g.updatedAt }));
  }
  return { status: 200, body: { guardrails } };
}


export function applyGuardrail(state: FakeAwsState, id: string, version: string, body: Json) {
  const g = guardrailOr404(state, id);
  const config = version === "DRAFT" ? g.draft : g.versions[Number(version) - 1];
  if (!config) throw new AwsFault(404, "ResourceNotFoundException", `Version ${version} of guardrail ${g.id} does not exist`);
  const source = body.source === "OUTPUT" ? "OUTPUT" : "INPUT";
  const text = ((body.content as { text?: { text?: string } }[] | undefined) ?? []).map((c) => c.text?.text ?? "").join("\n");
  return { status: 200, body: applyGuardrailPolicies(config as FakeGuardrailConfig, source, text) };
}
