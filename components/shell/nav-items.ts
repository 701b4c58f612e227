import type { Permission } from "@/lib/permissions";

export type NavItem = { href: string; label: string; permission: Permission; built: boolean };

// Every area of the product. Areas not built yet are listed (and say so on their page) so the
// shape of the console is visible from day one; none of them shows invented data.
export const NAV_SECTIONS: { title: string; items: NavItem[] }[] = [
  {
    title: "Govern",
    items: [
      { href: "/use-cases", label: "Use cases", permission: "use-case:read", built: true },
      { href: "/releases", label: "Releases", permission: "release:read", built: true },
      { href: "/environments", label: "Environments", permission: "release:read", built: true },
    ],
  },
  {
    title: "Build",
    items: [
      { href: "/prompts", label: "Prompts", permission: "prompt:read", built: true },
      { href: "/guardrails", label: "Guardrails", permission: "guardrail:read", built: true },
      { href: "/datasets", label: "Datasets", permission: "dataset:read", built: true },
      { href: "/evaluations", label: "Evaluations", permission: "evaluation:read", built: true },
      { href: "/knowledge-bases", label: "Knowledge bases", permission: "use-case:read", built: false },
    ],
  },
  {
    title: "Operate",
    items: [
      { href: "/metrics", label: "Metrics", permission: "use-case:read", built: false },
      { href: "/costs", label: "Costs", permission: "use-case:read", built: false },
    ],
  },
  {
    title: "Administer",
    items: [
      { href: "/audit", label: "Audit log", permission: "audit:read", built: true },
      { href: "/settings", label: "Settings", permission: "settings:read", built: true },
    ],
  },
];
