import { diffLines } from "diff";
import type { PromptContent } from "./schemas";
import type { VariableSpec } from "./template";

// Compares two prompt contents (two versions, or the draft and a version): the text line by
// line, the variables and the parameters side by side. Pure, so the diff page and tests agree.

export type DiffLine = { kind: "added" | "removed" | "same"; text: string };
export type TextSection = { label: string; lines: DiffLine[]; changed: boolean };
export type SideBySide<T> = { name: string; left: T | undefined; right: T | undefined; changed: boolean };
export type PromptDiff = {
  sections: TextSection[];
  variables: SideBySide<VariableSpec>[];
  parameters: SideBySide<string>[];
  changed: boolean;
};

/** Text fields of a prompt, labelled so that the same part of two prompts lines up. */
function textParts(c: PromptContent): [string, string][] {
  if (c.type === "TEXT") return [["Template", c.template]];
  return [["System", c.system], ...c.messages.map((m, i): [string, string] => [`Message ${i + 1} (${m.role})`, m.text])];
}

const terminated = (s: string) => (s === "" || s.endsWith("\n") ? s : `${s}\n`);

export function diffText(left: string, right: string): DiffLine[] {
  const lines: DiffLine[] = [];
  // Every last line ends with a newline, so adding a line after it does not "change" it.
  for (const part of diffLines(terminated(left), terminated(right))) {
    const kind = part.added ? "added" : part.removed ? "removed" : "same";
    const text = part.value.endsWith("\n") ? part.value.slice(0, -1) : part.value;
    for (const line of text.split("\n")) lines.push({ kind, text: line });
  }
  return lines;
}

const show = (v: unknown): string | undefined => (v === undefined ? undefined : Array.isArray(v) ? (v.length ? v.map((s) => JSON.stringify(s)).join(", ") : "none") : String(v));

function parameters(c: PromptContent): Record<string, string | undefined> {
  return {
    Type: c.type,
    "Model id": c.modelId,
    Temperature: show(c.inference.temperature),
    "Top P": show(c.inference.topP),
    "Max tokens": show(c.inference.maxTokens),
    "Stop sequences": show(c.inference.stopSequences),
  };
}

const sameVariable = (a?: VariableSpec, b?: VariableSpec) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function diffPrompts(left: PromptContent, right: PromptContent): PromptDiff {
  const l = new Map(textParts(left));
  const r = new Map(textParts(right));
  const labels = [...new Set([...l.keys(), ...r.keys()])];
  const sections = labels.map((label) => {
    const lines = diffText(l.get(label) ?? "", r.get(label) ?? "");
    return { label, lines, changed: lines.some((x) => x.kind !== "same") };
  });
  const lv = new Map(left.variables.map((v) => [v.name, v]));
  const rv = new Map(right.variables.map((v) => [v.name, v]));
  const variables = [...new Set([...lv.keys(), ...rv.keys()])].map((name) => ({
    name,
    left: lv.get(name),
    right: rv.get(name),
    changed: !sameVariable(lv.get(name), rv.get(name)),
  }));
  const lp = parameters(left);
  const rp = parameters(right);
  const params = Object.keys(lp).map((name) => ({ name, left: lp[name], right: rp[name], changed: lp[name] !== rp[name] }));
  return { sections, variables, parameters: params, changed: [...sections, ...variables, ...params].some((x) => x.changed) };
}
