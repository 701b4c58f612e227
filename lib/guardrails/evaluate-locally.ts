import type { GuardrailConfig, GuardrailSource } from "./schemas";
import { LOCALLY_DETECTED_PII, PII_DETECTORS } from "./pii-detectors";
import { PROFANITY_SUBSET } from "./profanity";

// What Strata can decide exactly without Bedrock: words, the profanity list, regexes and
// shape-based PII. Pure and synchronous; callers put a time budget around it
// (evaluate-with-budget.ts) because a user's regex runs here.

export type RuntimeAction = "BLOCKED" | "ANONYMIZED" | "NONE";
export type PiiFinding = { match: string; type: string; action: RuntimeAction };
export type RegexFinding = { name: string; match: string; regex: string; action: RuntimeAction };
export type WordFinding = { match: string; action: "BLOCKED" };

/** Shaped like one entry of ApplyGuardrail's `assessments`, for the policies evaluated locally. */
export type LocalAssessment = {
  wordPolicy?: { customWords: WordFinding[]; managedWordLists: (WordFinding & { type: "PROFANITY" })[] };
  sensitiveInformationPolicy?: { piiEntities: PiiFinding[]; regexes: RegexFinding[] };
};

export const REMOTE_ONLY_POLICIES = ["topics", "contentFilters", "contextualGrounding"] as const;
export type RemoteOnlyPolicy = (typeof REMOTE_ONLY_POLICIES)[number];

export type LocalVerdict = {
  action: "NONE" | "GUARDRAIL_INTERVENED";
  /** True when the text is replaced by the blocked message (as opposed to anonymized). */
  blocked: boolean;
  /** The blocked message, the anonymized text, or the text unchanged. */
  output: string;
  /** Which policies intervened: "wordPolicy", "sensitiveInformationPolicy". */
  intervenedPolicies: string[];
  assessments: [LocalAssessment];
  /** Configured policies only Bedrock can evaluate (a model decides them). */
  notEvaluated: RemoteOnlyPolicy[];
  /** Configured PII types without a local detector (NAME, ADDRESS, …). */
  piiNotEvaluated: string[];
};

type Matcher = { kind: "pii" | "regex"; label: string; source: string; pattern: RegExp; action: RuntimeAction; accept?: (m: string) => boolean };

export type CompiledGuardrail = {
  config: GuardrailConfig;
  words?: { pattern: RegExp; custom: Set<string> };
  matchers: Matcher[];
  notEvaluated: RemoteOnlyPolicy[];
  piiNotEvaluated: string[];
};

const PAST: Record<string, RuntimeAction> = { BLOCK: "BLOCKED", ANONYMIZE: "ANONYMIZED", NONE: "NONE" };
/** Bounds the findings reported per detector, so a text full of matches cannot bloat the answer. */
const MAX_FINDINGS_PER_MATCHER = 200;

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const normalizeWord = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Compiles a (validated) config once; evaluate many texts with the result. */
export function compileGuardrail(config: GuardrailConfig): CompiledGuardrail {
  const custom = new Set((config.wordPolicy?.words ?? []).map((w) => normalizeWord(w.text)));
  const all = new Set(custom);
  if (config.wordPolicy?.managedWordLists.some((l) => l.type === "PROFANITY")) PROFANITY_SUBSET.forEach((w) => all.add(w));
  const alternatives = [...all].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/ /g, "\\s+"));
  const words = alternatives.length
    ? // Whole words only: "class" does not match inside "classification". Case-insensitive.
      { pattern: new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}_])`, "giu"), custom }
    : undefined;
  const sip = config.sensitiveInformationPolicy;
  const pii = new Map<string, string>((sip?.piiEntities ?? []).map((p) => [p.type, p.action]));
  const matchers: Matcher[] = [
    ...PII_DETECTORS.filter((d) => pii.has(d.type)).map((d) => ({
      kind: "pii" as const, label: d.type, source: d.pattern.source, pattern: d.pattern, action: PAST[pii.get(d.type)!]!, accept: d.accept,
    })),
    ...(sip?.regexes ?? []).map((r) => ({ kind: "regex" as const, label: r.name, source: r.pattern, pattern: new RegExp(r.pattern, "g"), action: PAST[r.action]! })),
  ];
  const notEvaluated: RemoteOnlyPolicy[] = [];
  if (config.topicPolicy?.topics.length) notEvaluated.push("topics");
  if (config.contentPolicy?.filters.some((f) => f.inputStrength !== "NONE" || f.outputStrength !== "NONE")) notEvaluated.push("contentFilters");
  if (config.contextualGroundingPolicy?.filters.length) notEvaluated.push("contextualGrounding");
  const piiNotEvaluated = [...pii.keys()].filter((t) => !LOCALLY_DETECTED_PII.has(t));
  return { config, words, matchers, notEvaluated, piiNotEvaluated };
}

type Span = { start: number; end: number; matcher: Matcher; match: string };

function findSpans(text: string, matcher: Matcher): Span[] {
  const spans: Span[] = [];
  matcher.pattern.lastIndex = 0;
  for (const m of text.matchAll(matcher.pattern)) {
    if (!m[0] || (matcher.accept && !matcher.accept(m[0]))) continue;
    spans.push({ start: m.index, end: m.index + m[0].length, matcher, match: m[0] });
    if (spans.length >= MAX_FINDINGS_PER_MATCHER) break;
  }
  return spans;
}

/** Earlier first, then longer first; a span overlapping a kept one is dropped (card beats phone). */
function nonOverlapping(spans: Span[]): Span[] {
  const kept: Span[] = [];
  let end = -1;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (s.start >= end) {
      kept.push(s);
      end = s.end;
    }
  }
  return kept;
}

export function evaluateLocally(guardrail: CompiledGuardrail, source: GuardrailSource, text: string): LocalVerdict {
  const { config } = guardrail;
  const assessment: LocalAssessment = {};
  const intervened = new Set<string>();

  if (guardrail.words) {
    const customWords: WordFinding[] = [];
    const managedWordLists: (WordFinding & { type: "PROFANITY" })[] = [];
    for (const m of text.matchAll(guardrail.words.pattern)) {
      const finding = { match: m[0], action: "BLOCKED" as const };
      if (guardrail.words.custom.has(normalizeWord(m[0]))) customWords.push(finding);
      else managedWordLists.push({ ...finding, type: "PROFANITY" });
      if (customWords.length + managedWordLists.length >= MAX_FINDINGS_PER_MATCHER) break;
    }
    if (customWords.length || managedWordLists.length) {
      assessment.wordPolicy = { customWords, managedWordLists };
      intervened.add("wordPolicy");
    }
  }

  const spans = guardrail.matchers.flatMap((m) => findSpans(text, m));
  const acting = nonOverlapping(spans.filter((s) => s.matcher.action !== "NONE"));
  const reported = [...acting, ...spans.filter((s) => s.matcher.action === "NONE")].sort((a, b) => a.start - b.start);
  if (reported.length) {
    assessment.sensitiveInformationPolicy = {
      piiEntities: reported.filter((s) => s.matcher.kind === "pii").map((s) => ({ match: s.match, type: s.matcher.label, action: s.matcher.action })),
      regexes: reported.filter((s) => s.matcher.kind === "regex").map((s) => ({ name: s.matcher.label, match: s.match, regex: s.matcher.source, action: s.matcher.action })),
    };
    if (acting.length) intervened.add("sensitiveInformationPolicy");
  }

  const blocked = Boolean(assessment.wordPolicy) || acting.some((s) => s.matcher.action === "BLOCKED");
  let output = text;
  if (blocked) output = source === "INPUT" ? config.blockedInputMessaging : config.blockedOutputsMessaging;
  else if (acting.length) {
    // Like Bedrock: each anonymized match becomes {TYPE} (PII) or {name} (regex).
    output = "";
    let at = 0;
    for (const s of acting) {
      output += `${text.slice(at, s.start)}{${s.matcher.label}}`;
      at = s.end;
    }
    output += text.slice(at);
  }
  return {
    action: intervened.size ? "GUARDRAIL_INTERVENED" : "NONE",
    blocked,
    output,
    intervenedPolicies: [...intervened],
    assessments: [assessment],
    notEvaluated: guardrail.notEvaluated,
    piiNotEvaluated: guardrail.piiNotEvaluated,
  };
}
