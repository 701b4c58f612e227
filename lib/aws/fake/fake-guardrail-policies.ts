// What the fake's ApplyGuardrail can check without a model: custom words, the managed profanity
// list (a tiny stand-in), regexes, a few PII types by pattern, and denied topics by name or
// example phrase. Content filters and grounding need a classifier: the fake reports none.

type Action = "BLOCK" | "ANONYMIZE" | "NONE";
export type FakeGuardrailConfig = {
  blockedInputMessaging?: string;
  blockedOutputsMessaging?: string;
  topicPolicyConfig?: { topicsConfig?: { name: string; definition?: string; examples?: string[] }[] };
  wordPolicyConfig?: { wordsConfig?: { text: string }[]; managedWordListsConfig?: { type: string }[] };
  sensitiveInformationPolicyConfig?: {
    piiEntitiesConfig?: { type: string; action: Action }[];
    regexesConfig?: { name: string; pattern: string; action: Action }[];
  };
};

const PROFANITY = ["damn", "crap", "bloody"];
const PII_PATTERNS: Record<string, RegExp> = {
  EMAIL: /[\w.+-]+@[\w-]+\.[\w.-]+/g,
  PHONE: /\+?\d[\d\s().-]{7,}\d/g,
  US_SOCIAL_SECURITY_NUMBER: /\b\d{3}-\d{2}-\d{4}\b/g,
  CREDIT_DEBIT_CARD_NUMBER: /\b(?:\d[ -]?){13,16}\b/g,
  IP_ADDRESS: /\b\d{1,3}(?:\.\d{1,3}){3}\b/g,
  AWS_ACCESS_KEY: /\bAKIA[0-9A-Z]{16}\b/g,
};
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const wordRegex = (w: string) => new RegExp(`\\b${escape(w)}\\b`, "i");
const runtimeAction = (a: Action) => (a === "BLOCK" ? "BLOCKED" : a === "ANONYMIZE" ? "ANONYMIZED" : "NONE");

function safeRegex(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, "g");
  } catch {
    return undefined;
  }
}

export function applyGuardrailPolicies(config: FakeGuardrailConfig, source: "INPUT" | "OUTPUT", text: string) {
  let blocked = false;
  let masked = text;
  const assessment: Record<string, unknown> = {};

  const topics = (config.topicPolicyConfig?.topicsConfig ?? [])
    .filter((t) => [t.name, ...(t.examples ?? [])].some((phrase) => phrase && text.toLowerCase().includes(phrase.toLowerCase())))
    .map((t) => ({ name: t.name, type: "DENY", action: "BLOCKED", detected: true }));
  if (topics.length) {
    blocked = true;
    assessment.topicPolicy = { topics };
  }

  const customWords = (config.wordPolicyConfig?.wordsConfig ?? [])
    .filter((w) => w.text && wordRegex(w.text).test(text))
    .map((w) => ({ match: w.text, action: "BLOCKED", detected: true }));
  const managed = (config.wordPolicyConfig?.managedWordListsConfig ?? []).some((l) => l.type === "PROFANITY")
    ? PROFANITY.filter((w) => wordRegex(w).test(text)).map((w) => ({ match: w, type: "PROFANITY", action: "BLOCKED", detected: true }))
    : [];
  if (customWords.length || managed.length) {
    blocked = true;
    assessment.wordPolicy = { customWords, managedWordLists: managed };
  }

  const piiEntities: { match: string; type: string; action: string; detected: boolean }[] = [];
  for (const entity of config.sensitiveInformationPolicyConfig?.piiEntitiesConfig ?? []) {
    const pattern = PII_PATTERNS[entity.type];
    if (!pattern) continue;
    for (const m of text.matchAll(new RegExp(pattern.source, "g"))) {
      piiEntities.push({ match: m[0], type: entity.type, action: runtimeAction(entity.action), detected: true });
      if (entity.action === "BLOCK") blocked = true;
      if (entity.action === "ANONYMIZE") masked = masked.split(m[0]).join(`{${entity.type}}`);
    }
  }
  const regexes: { name: string; match: string; regex: string; action: string; detected: boolean }[] = [];
  for (const r of config.sensitiveInformationPolicyConfig?.regexesConfig ?? []) {
    const re = safeRegex(r.pattern);
    if (!re) continue;
    for (const m of text.matchAll(re)) {
      if (!m[0]) continue;
      regexes.push({ name: r.name, match: m[0], regex: r.pattern, action: runtimeAction(r.action), detected: true });
      if (r.action === "BLOCK") blocked = true;
      if (r.action === "ANONYMIZE") masked = masked.split(m[0]).join(`{${r.name}}`);
    }
  }
  if (piiEntities.length || regexes.length) assessment.sensitiveInformationPolicy = { piiEntities, regexes };

  const anonymized = masked !== text;
  const intervened = blocked || anonymized;
  const message = source === "INPUT" ? config.blockedInputMessaging : config.blockedOutputsMessaging;
  const units = Math.max(1, Math.ceil(text.length / 1000));
  return {
    action: intervened ? "GUARDRAIL_INTERVENED" : "NONE",
    actionReason: blocked ? "Guardrail blocked." : anonymized ? "Guardrail masked." : "No action.",
    outputs: intervened ? [{ text: blocked ? (message ?? "Blocked.") : masked }] : [],
    assessments: [assessment],
    usage: {
      topicPolicyUnits: units, contentPolicyUnits: units, wordPolicyUnits: units,
      sensitiveInformationPolicyUnits: units, sensitiveInformationPolicyFreeUnits: 0, contextualGroundingPolicyUnits: 0,
    },
  };
}
