import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Costs" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Costs" purpose="Spend per use case, model and team, with forecasts." />;
}
