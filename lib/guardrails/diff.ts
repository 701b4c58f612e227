import type { GuardrailConfig } from "./schemas";

// A structured diff of two configs, per policy: which entries were added, removed or changed,
// each entry keyed the way Bedrock keys it (topic by name, filter by type, regex by name, …).

export type EntryChange = { key: string; before?: unknown; after?: unknown; fields?: string[] };
export type PolicyDiff = { policy: string; label: string; added: EntryChange[]; removed: EntryChange[]; changed: EntryChange[] };

type Keyed = { label: string; entries: (c: GuardrailConfig) => { key: string; value: Record<string, unknown> }[] };

const POLICIES: Record<string, Keyed> = {
  topics: { label: "Denied topics", entries: (c) => (c.topicPolicy?.topics ?? []).map((t) => ({ key: t.name, value: t })) },
  contentFilters: { label: "Content filters", entries: (c) => (c.contentPolicy?.filters ?? []).map((f) => ({ key: f.type, value: f })) },
  words: { label: "Blocked words", entries: (c) => (c.wordPolicy?.words ?? []).map((w) => ({ key: w.text, value: w })) },
  managedWordLists: { label: "Managed word lists", entries: (c) => (c.wordPolicy?.managedWordLists ?? []).map((l) => ({ key: l.type, value: l })) },
  piiEntities: { label: "PII entities", entries: (c) => (c.sensitiveInformationPolicy?.piiEntities ?? []).map((p) => ({ key: p.type, value: p })) },
  regexes: { label: "Regexes", entries: (c) => (c.sensitiveInformationPolicy?.regexes ?? []).map((r) => ({ key: r.name, value: r })) },
  contextualGrounding: { label: "Contextual grounding", entries: (c) => (c.contextualGroundingPolicy?.filters ?? []).map((f) => ({ key: f.type, value: f })) },
  messages: {
    label: "Blocked messages",
    entries: (c) => [
      { key: "blockedInputMessaging", value: { text: c.blockedInputMessaging } },
      { key: "blockedOutputsMessaging", value: { text: c.blockedOutputsMessaging } },
    ],
  },
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffGuardrailConfigs(before: GuardrailConfig, after: GuardrailConfig): PolicyDiff[] {
  return Object.entries(POLICIES).map(([policy, { label, entries }]) => {
    const a = new Map(entries(before).map((e) => [e.key, e.value]));
    const b = new Map(entries(after).map((e) => [e.key, e.value]));
    const added = [...b].filter(([k]) => !a.has(k)).map(([key, value]) => ({ key, after: value }));
    const removed = [...a].filter(([k]) => !b.has(k)).map(([key, value]) => ({ key, before: value }));
    const changed = [...b]
      .filter(([k, v]) => a.has(k) && !same(a.get(k), v))
      .map(([key, value]) => {
        const old = a.get(key)!;
        const fields = [...new Set([...Object.keys(old), ...Object.keys(value)])].filter((f) => !same(old[f], value[f]));
        return { key, before: old, after: value, fields };
      });
    return { policy, label, added, removed, changed };
  });
}

export const hasChanges = (diff: PolicyDiff[]) => diff.some((d) => d.added.length + d.removed.length + d.changed.length > 0);
