import { describeGate, type GateResult } from "@/lib/evaluations/evaluate-gates";
import { auditActionLabel } from "@/lib/audit/action-labels";
import { formatDateTime } from "@/lib/format-date";
import type { ReleaseEvidence } from "./build-release-evidence";

/**
 * A table cell that cannot break its table: pipes are escaped and line breaks become <br>. A `<`
 * that could open an HTML tag gets a Markdown backslash escape, not an HTML entity: a reviewer's
 * comment is text, so a renderer shows `<script>` as written instead of running it, and the raw
 * file still reads `<` (never `&lt;`). `accuracy >= 0.85` and `latency < 3000` are left alone.
 */
export function cell(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  return String(value)
    .replace(/\\/g, "\\\\")
    .replace(/<(?=[A-Za-z/!?])/g, "\\<")
    .replace(/\|/g, "\\|")
    .replace(/\r\n?|\n/g, "<br>");
}

export function table(headers: string[], rows: unknown[][]): string {
  if (rows.length === 0) return "_None._";
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(headers.map(cell)), line(headers.map(() => "---")), ...rows.map((r) => line(r.map(cell)))].join("\n");
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
export function fenced(text: string, lang = ""): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${lang}\n${text}\n${fence}`;
}

const quote = (text: string) => (text.trim() ? text.split(/\r\n?|\n/).map((l) => `> ${l}`.trimEnd()).join("\n") : "_No release notes._");
// Dates read as on the console's pages; the JSON export carries the exact ISO-8601 instants.
const when = (iso: string | null) => (iso ? formatDateTime(iso) : null);
const who = (p: { name: string } | null) => p?.name ?? null;
const verdict = (passed: boolean) => (passed ? "PASS" : "FAIL");

function gateRows(results: GateResult[]) {
  return results.map((g) => [describeGate(g), g.value ?? "missing", `${verdict(g.passed)}${g.reason ? ` (${g.reason})` : ""}`]);
}

function evaluationSection(e: NonNullable<ReleaseEvidence["evaluation"]>): string[] {
  return [
    table(["Field", "Value"], [
      ["Run", `#${e.number}`], ["Candidate", e.candidate], ["Dataset", `${e.dataset.name} v${e.dataset.version}`], ["Items evaluated", e.itemCount],
      ["Source", e.source], ["Posted by", who(e.postedBy)], ["Posted at", when(e.createdAt)], ["Link", e.externalUrl],
    ]),
    "### Metrics",
    table(["Metric", "Value"], e.metrics.map((m) => [m.name, m.value])),
    `### Gates as recorded when the run arrived — ${e.recorded ? verdict(e.recorded.passed) : "not recorded"}`,
    e.recorded ? table(["Gate", "Value", "Verdict"], gateRows(e.recorded.results)) : "_Not recorded._",
    `### Gates of the use case today — ${e.current ? verdict(e.current.passed) : "—"}`,
    e.current && e.current.results.length ? table(["Gate", "Value", "Verdict"], gateRows(e.current.results)) : "_The use case has no gates configured._",
  ];
}

/** The evidence as a Markdown document for a change record or an auditor's folder. */
export function renderEvidenceMarkdown(ev: ReleaseEvidence): string {
  const { useCase: uc, release: r, pinned } = ev;
  const sections = [
    `# Release evidence: ${uc.name} — release #${r.number}`,
    `Generated ${when(ev.generatedAt)} by ${ev.generatedBy} from Strata. Format \`${ev.format}\`; the JSON export carries the same facts.`,
    "## Use case",
    table(["Field", "Value"], [["Name", uc.name], ["Slug", uc.slug], ["Team", uc.team.name], ["Risk tier", uc.riskTier], ["Data classification", uc.dataClassification], ["Status", uc.status]]),
    "## Release",
    table(["Field", "Value"], [
      ["Number", `#${r.number}`], ["Status", r.status], ["Model", r.modelId], ["Author", who(r.author)], ["Created", when(r.createdAt)],
      ["Submitted by", who(r.submittedBy)], ["Submitted at", when(r.submittedAt)], ["Decided at", when(r.decidedAt)],
    ]),
    "### Release notes",
    quote(r.notes),
    "## Pinned versions",
    "### Prompts",
    table(["Role", "Prompt", "Version", "Type", "Author"], pinned.prompts.map((p) => [p.role, p.prompt, `v${p.version}`, p.type, who(p.author)])),
    ...pinned.prompts.flatMap((p) => [`#### Prompt template — role \`${p.role.replace(/`/g, "'")}\` (${p.prompt} v${p.version})`, fenced(p.text, "text")]),
    "### Guardrail, dataset and knowledge bases",
    table(["Item", "Pinned"], [
      ["Guardrail", pinned.guardrail ? `${pinned.guardrail.name} v${pinned.guardrail.version} (by ${who(pinned.guardrail.author)})` : "none"],
      ["Dataset", pinned.dataset ? `${pinned.dataset.name} v${pinned.dataset.version} (${pinned.dataset.itemCount} items)` : "none"],
      ["Knowledge bases", pinned.knowledgeBaseIds.length ? pinned.knowledgeBaseIds.join(", ") : "none"],
    ]),
    "## Evaluation",
    ...(ev.evaluation ? evaluationSection(ev.evaluation) : ["_No evaluation run is pinned._"]),
    "## Approval",
    `Risk tier **${ev.approval.riskTier}**: ${ev.approval.rule} Approvals received: **${ev.approval.approvals}**${ev.approval.required ? ` of ${ev.approval.required} required` : ""}.`,
    "### Review thread",
    table(["Reviewer", "Decision", "Comment", "Time"], ev.reviews.map((v) => [who(v.reviewer), v.decision ?? "comment (no decision)", v.comment, when(v.at)])),
    "## Deployments",
    table(["Environment", "Kind", "By", "When", "Comment", "Published in Bedrock"], ev.deployments.map((d) => [d.environment, d.kind, who(d.deployedBy), when(d.deployedAt), d.comment, d.artifacts.map((a) => (a.label ? `${a.label}: ${a.arn}` : a.arn)).join("\n")])),
    "## Audit trail",
    table(["Time", "Action", "Actor", "Role"], ev.audit.map((a) => [when(a.at), auditActionLabel(a.action), a.actor, a.role])),
  ];
  return sections.join("\n\n") + "\n";
}
