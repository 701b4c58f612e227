import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Guardrails" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Guardrails" purpose="Guardrail configurations in Bedrock's vocabulary, versioned and tested against sample texts." />;
}
