import type { Bundle } from "./bundle";
import { diffBundles, type ReleaseDiff } from "./diff-releases";

// Release notes drafted from the bundle diff against what runs in production now; the author
// edits them before submitting. Plain text with "-" bullets, readable as Markdown too.

const pin = (p: { name: string; version: number } | null) => (p ? `${p.name} v${p.version}` : "none");
const num = (n: number | null) => (n === null ? "—" : String(n));
const signed = (n: number) => (n === 0 ? "unchanged" : n > 0 ? `+${n}` : String(n));

function whatChanged(diff: ReleaseDiff): string[] {
  const lines: string[] = [];
  for (const r of diff.roles) {
    if (r.status === "added") lines.push(`- Prompt role \`${r.role}\` added: ${pin(r.right)}`);
    else if (r.status === "removed") lines.push(`- Prompt role \`${r.role}\` removed (was ${pin(r.left)})`);
    else if (r.status === "changed") {
      const parts = [
        ...(r.prompt?.sections.filter((s) => s.changed).map((s) => `${s.label.toLowerCase()} text`) ?? []),
        ...(r.prompt?.variables.filter((v) => v.changed).map((v) => `variable ${v.name}`) ?? []),
        ...(r.prompt?.parameters.filter((p) => p.changed).map((p) => `${p.name.toLowerCase()} ${p.left ?? "—"} → ${p.right ?? "—"}`) ?? []),
      ];
      lines.push(`- Prompt role \`${r.role}\`: ${pin(r.left)} → ${pin(r.right)}${parts.length ? ` (${parts.join("; ")})` : " (same content)"}`);
    }
  }
  if (diff.model.changed) lines.push(`- Model: ${diff.model.left} → ${diff.model.right}`);
  if (diff.guardrail.changed) {
    const policies = diff.guardrail.policies
      .filter((p) => p.added.length + p.removed.length + p.changed.length > 0)
      .map((p) => `${p.label}: ${[p.added.length && `${p.added.length} added`, p.removed.length && `${p.removed.length} removed`, p.changed.length && `${p.changed.length} changed`].filter(Boolean).join(", ")}`);
    lines.push(`- Guardrail: ${pin(diff.guardrail.left)} → ${pin(diff.guardrail.right)}${policies.length ? ` (${policies.join("; ")})` : ""}`);
  }
  if (diff.knowledgeBases.added.length) lines.push(`- Knowledge bases added: ${diff.knowledgeBases.added.join(", ")}`);
  if (diff.knowledgeBases.removed.length) lines.push(`- Knowledge bases removed: ${diff.knowledgeBases.removed.join(", ")}`);
  if (diff.dataset.changed) lines.push(`- Evaluated on ${pin(diff.dataset.right)} (production was evaluated on ${pin(diff.dataset.left)})`);
  return lines;
}

function pinned(bundle: Bundle): string[] {
  return [
    ...bundle.prompts.map((p) => `- Prompt role \`${p.role}\`: ${p.promptName} v${p.version}`),
    `- Model: ${bundle.modelId}`,
    `- Guardrail: ${bundle.guardrail ? `${bundle.guardrail.name} v${bundle.guardrail.version}` : "none"}`,
    ...(bundle.knowledgeBaseIds.length ? [`- Knowledge bases: ${bundle.knowledgeBaseIds.join(", ")}`] : []),
    ...(bundle.dataset ? [`- Evaluated on ${bundle.dataset.name} v${bundle.dataset.version}`] : []),
  ];
}

function metricLines(diff: ReleaseDiff | null, bundle: Bundle): string[] {
  if (!bundle.run) return [];
  const head = `Evaluation run #${bundle.run.number} (${bundle.run.candidate}):`;
  if (!diff) return [head, ...bundle.run.metrics.map((m) => `- ${m.name}: ${m.value}`)];
  return [head, ...diff.metrics.filter((m) => m.right !== null).map((m) => `- ${m.name}: ${num(m.right)}${m.left !== null ? ` (production ${num(m.left)}, ${signed(m.delta!)})` : ""}`)];
}

/** Notes for a new bundle of `useCaseName`, given what runs in production (null: nothing yet). */
export function draftReleaseNotes(useCaseName: string, bundle: Bundle, production: (Bundle & { number: number }) | null): string {
  if (!production) {
    return [`First release of ${useCaseName}.`, "", "What it pins:", ...pinned(bundle), ...(bundle.run ? ["", ...metricLines(null, bundle)] : [])].join("\n");
  }
  const diff = diffBundles(production, bundle);
  const changes = whatChanged(diff);
  return [
    `Changes from release #${production.number}, which runs in production now:`,
    ...(changes.length ? changes : ["- Nothing pinned changes: same prompts, model, guardrail and knowledge bases"]),
    ...(bundle.run ? ["", ...metricLines(diff, bundle)] : []),
  ].join("\n");
}
