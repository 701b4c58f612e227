import { requirePagePermission } from "@/lib/auth/session";
import { NotBuiltYet } from "@/components/shell/not-built-yet";

export const metadata = { title: "Releases" };

export default async function Page() {
  await requirePagePermission("use-case:read");
  return <NotBuiltYet title="Releases" purpose="Release bundles that pin exact versions, pass evaluation gates and approvals, and are promoted dev → preprod → prod." />;
}
