import type { BadgeTone } from "@/components/ui/badge";
import { ROLE_LABELS, type RoleName } from "@/lib/permissions";

// The tone of an action badge comes from its verb (the part after the last dot), so new
// actions get a sensible colour without being listed here.
const VERB_TONE: Record<string, BadgeTone> = {
  create: "green",
  provision: "green",
  "bootstrap-admin": "green",
  approved: "green",
  update: "blue",
  submit: "indigo",
  "mark-in-production": "indigo",
  review: "violet",
  "changes-requested": "amber",
  "reset-password": "amber",
  "sign-in-locked": "amber",
  "sign-in-throttled": "amber",
  rejected: "red",
  retire: "red",
  revoke: "red",
  delete: "red",
  deactivate: "red",
};

export function actionTone(action: string): BadgeTone {
  return VERB_TONE[action.slice(action.lastIndexOf(".") + 1)] ?? "gray";
}

const OTHER_ROLES: Record<string, string> = { API_TOKEN: "API token", SYSTEM: "System" };

export function roleLabel(role: string): string {
  return ROLE_LABELS[role as RoleName] ?? OTHER_ROLES[role] ?? role;
}

/** "Dana Whitfield <dana@example.com>" → name and email; other labels are all name. */
export function splitActorLabel(label: string): { name: string; email?: string } {
  const match = /^(.*) <([^<>]+)>$/.exec(label);
  return match ? { name: match[1]!, email: match[2]! } : { name: label };
}
