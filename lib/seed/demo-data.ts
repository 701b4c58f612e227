import type { RoleName } from "@/lib/permissions";

// The demo organisation seeded on the first embedded start (and by `npm run seed`).
// These credentials are printed in the README; they never exist in a DATABASE_URL database
// unless STRATA_SEED_DEMO=true is set explicitly.
export const DEMO_PASSWORD = "strata-demo-2026";

export const DEMO_TEAMS = [
  { slug: "customer-support", name: "Customer Support", description: "Support tooling and triage assistants" },
  { slug: "finance-ops", name: "Finance Operations", description: "Invoice and spend automation" },
] as const;

export const DEMO_USERS: { email: string; name: string; role: RoleName; teams: string[] }[] = [
  { email: "admin@strata.local", name: "Ada Admin", role: "ADMIN", teams: [] },
  { email: "owner@strata.local", name: "Priya Owner", role: "PRODUCT_OWNER", teams: ["customer-support"] },
  { email: "engineer@strata.local", name: "Eli Engineer", role: "ENGINEER", teams: ["customer-support"] },
  { email: "reviewer@strata.local", name: "Rhea Reviewer", role: "REVIEWER", teams: [] },
  { email: "reviewer2@strata.local", name: "Ravi Risk", role: "REVIEWER", teams: [] },
  { email: "viewer@strata.local", name: "Vic Viewer", role: "VIEWER", teams: [] },
  { email: "finance-owner@strata.local", name: "Felix Finance", role: "PRODUCT_OWNER", teams: ["finance-ops"] },
];

type Steps = ("submit" | "approve" | "approve2" | "request-changes" | "reject" | "in-production")[];

export const DEMO_USE_CASES: { owner: string; team: string; steps: Steps; fields: Record<string, unknown> }[] = [
  {
    owner: "owner@strata.local",
    team: "customer-support",
    // HIGH: it reads customers' personal data and drafts replies, so releases need two reviewers.
    steps: ["submit", "approve", "approve2", "in-production"],
    fields: {
      slug: "support-triage", name: "Support ticket triage", riskTier: "HIGH", dataClassification: "CONFIDENTIAL",
      handlesPersonalData: true, audience: "INTERNAL", businessOwner: "Priya Owner", costAllocationTag: "cc-support-4120",
      description: "Classifies incoming tickets by product and urgency and drafts a first reply for the agent.",
      kpis: [{ name: "First response time", target: "< 2 h" }, { name: "Routing accuracy", target: ">= 92%" }], nextReviewDate: "2027-03-31",
    },
  },
  {
    owner: "owner@strata.local",
    team: "customer-support",
    steps: ["submit"],
    fields: {
      slug: "customer-chat-assistant", name: "Customer chat assistant", riskTier: "HIGH", dataClassification: "CONFIDENTIAL",
      handlesPersonalData: true, audience: "EXTERNAL", businessOwner: "Priya Owner", costAllocationTag: "cc-support-4120",
      description: "Answers customers on the help centre from the knowledge base, with hand-off to a human agent.",
      kpis: [{ name: "Deflection rate", target: ">= 30%" }, { name: "CSAT", target: ">= 4.3" }], nextReviewDate: "2027-01-15",
    },
  },
  {
    owner: "owner@strata.local",
    team: "customer-support",
    steps: [],
    fields: {
      slug: "call-summaries", name: "Call summaries", riskTier: "MINIMAL", dataClassification: "INTERNAL",
      handlesPersonalData: false, audience: "INTERNAL", businessOwner: "Priya Owner", costAllocationTag: "",
      description: "Summarises recorded support calls for the CRM.", kpis: [], nextReviewDate: null,
    },
  },
  {
    owner: "finance-owner@strata.local",
    team: "finance-ops",
    steps: ["submit", "request-changes"],
    fields: {
      slug: "invoice-extraction", name: "Invoice field extraction", riskTier: "LIMITED", dataClassification: "RESTRICTED",
      handlesPersonalData: false, audience: "INTERNAL", businessOwner: "Felix Finance", costAllocationTag: "cc-fin-2200",
      description: "Extracts supplier, amounts and VAT from scanned invoices.",
      kpis: [{ name: "Field accuracy", target: ">= 98%" }], nextReviewDate: "2026-09-30",
    },
  },
  {
    owner: "finance-owner@strata.local",
    team: "finance-ops",
    steps: ["submit", "reject"],
    fields: {
      slug: "employee-credit-scoring", name: "Employee credit scoring", riskTier: "PROHIBITED", dataClassification: "RESTRICTED",
      handlesPersonalData: true, audience: "INTERNAL", businessOwner: "Felix Finance", costAllocationTag: "cc-fin-2200",
      description: "Scores employees' trustworthiness from their expense behaviour.", kpis: [], nextReviewDate: null,
    },
  },
];
