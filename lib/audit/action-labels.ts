// Every action the audit log records, with the words a person reads for it. `recordAuditEvent`
// only accepts these keys, so a new action cannot ship without its label: timelines, the audit
// log and the evidence export never show a raw `release.promote`.
export const AUDIT_ACTION_LABELS = {
  "api-token.create": "API token created",
  "api-token.revoke": "API token revoked",
  "audit.verify": "Audit chain verified",
  "auth.sign-in": "Signed in",
  "auth.sign-in-failed": "Sign-in failed",
  // No longer written (sign-in is throttled per address now); kept for events recorded before.
  "auth.sign-in-locked": "Sign-in locked after failed attempts",
  "auth.sign-in-throttled": "Sign-in throttled after failed attempts",
  "aws-connection.delete": "AWS connection removed",
  "aws-connection.save": "AWS connection saved",
  "aws-connection.test": "AWS connection tested",
  "dataset.create": "Dataset created",
  "dataset.create-version": "Dataset version created",
  "dataset.import": "Dataset items imported",
  "evaluation-gate.create": "Evaluation gate added",
  "evaluation-gate.delete": "Evaluation gate removed",
  "evaluation-gate.update": "Evaluation gate changed",
  "evaluation-run.create": "Evaluation run recorded",
  "guardrail.create": "Guardrail created",
  "guardrail.create-version": "Guardrail version created",
  "guardrail.publish": "Guardrail version published to Bedrock",
  "guardrail.test-case.create": "Guardrail test case added",
  "guardrail.test-case.delete": "Guardrail test case removed",
  "guardrail.update-draft": "Guardrail draft edited",
  "prompt.create": "Prompt created",
  "prompt.create-version": "Prompt version created",
  "prompt.publish": "Prompt version published to Bedrock",
  "prompt.update-draft": "Prompt draft edited",
  "release.approved": "Approved",
  "release.changes-requested": "Changes requested",
  "release.copy": "Drafted as a new attempt",
  "release.create": "Drafted",
  "release.delete": "Draft deleted",
  "release.promote": "Promoted",
  "release.rejected": "Rejected",
  "release.comment": "Review comment",
  "release.review": "Review decision",
  "release.rollback": "Rolled back",
  "release.submit": "Submitted for approval",
  "release.update": "Draft edited",
  "team.create": "Team created",
  "team.update": "Team changed",
  "use-case.approved": "Approved",
  "use-case.changes-requested": "Changes requested",
  "use-case.create": "Registered",
  "use-case.mark-in-production": "Marked in production",
  "use-case.rejected": "Rejected",
  "use-case.retire": "Retired",
  "use-case.comment": "Review comment",
  "use-case.review": "Review decision",
  "use-case.submit": "Submitted for review",
  "use-case.update": "Edited",
  "user.bootstrap-admin": "First administrator created",
  "user.create": "User added",
  "user.provision": "User provisioned by single sign-on",
  "user.reset-password": "Password reset",
  "user.unlock": "Failed sign-ins cleared",
  "user.update": "User changed",
  "webhook.create": "Webhook registered",
  "webhook.delete": "Webhook deleted",
  "webhook.redeliver": "Webhook delivery resent",
  "webhook.rotate-secret": "Webhook secret rotated",
  "webhook.test": "Webhook test delivery sent",
  "webhook.update": "Webhook changed",
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;

const RESOURCE_NAMES: Record<string, string> = {
  "api-token": "API token", "aws-connection": "AWS connection", "evaluation-gate": "Evaluation gate", "evaluation-run": "Evaluation run", "use-case": "Use case",
};

/**
 * The label of an action as a person reads it. Timelines of one resource read well with the short
 * label ("Promoted"); a log of everything also names the resource ("Release: promoted").
 */
export function auditActionLabel(action: string, { withResource = false } = {}): string {
  const label: string | undefined = (AUDIT_ACTION_LABELS as Record<string, string>)[action];
  const resource = action.slice(0, action.indexOf("."));
  if (!label) return humanize(action);
  if (!withResource || label.toLowerCase().includes(resourceName(resource).toLowerCase())) return label;
  return `${resourceName(resource)}: ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
}

function resourceName(resource: string): string {
  return RESOURCE_NAMES[resource] ?? humanize(resource);
}

/** An action an older version recorded and this one no longer knows: readable words, never a crash. */
function humanize(code: string): string {
  const words = code.replace(/[.-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
