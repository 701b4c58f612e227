import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Metrics" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Metrics" purpose="Invocations, latency, errors and token counts per use case and model." />;
}
