import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Prompts" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Prompts" purpose="Versioned prompt templates, diffed, previewed and published to Amazon Bedrock Prompt Management." />;
}
