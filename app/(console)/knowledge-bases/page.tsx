import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Knowledge bases" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Knowledge bases" purpose="Knowledge bases linked to use cases and their ingestion jobs." />;
}
