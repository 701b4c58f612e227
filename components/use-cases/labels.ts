import type { BadgeTone } from "@/components/ui/badge";

export const STATUS_LABEL: Record<string, [string, BadgeTone]> = {
  DRAFT: ["Draft", "gray"],
  SUBMITTED: ["In review", "blue"],
  APPROVED: ["Approved", "green"],
  CHANGES_REQUESTED: ["Changes requested", "amber"],
  REJECTED: ["Rejected", "red"],
  IN_PRODUCTION: ["In production", "indigo"],
  RETIRED: ["Retired", "gray"],
};

export const TIER_LABEL: Record<string, [string, BadgeTone]> = {
  MINIMAL: ["Minimal risk", "green"],
  LIMITED: ["Limited risk", "blue"],
  HIGH: ["High risk", "amber"],
  PROHIBITED: ["Prohibited", "red"],
};

export const CLASSIFICATION_LABEL: Record<string, string> = {
  PUBLIC: "Public",
  INTERNAL: "Internal",
  CONFIDENTIAL: "Confidential",
  RESTRICTED: "Restricted",
};
