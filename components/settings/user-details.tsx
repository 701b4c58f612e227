import type { UserDto } from "@/lib/users/serialize";
import { DateTime } from "@/components/ui/date-time";

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900">{children}</dd>
    </div>
  );
}

const when = (iso: string | null) => (iso ? <DateTime value={iso} /> : <span className="text-slate-500">never</span>);

export function UserDetails({ user }: { user: UserDto }) {
  return (
    <dl className="space-y-4">
      <Item label="Email">{user.email}</Item>
      <Item label="Sign-in method">{user.isSso ? "Single sign-on" : "Password"}</Item>
      <Item label="Last sign-in">{when(user.lastLoginAt)}</Item>
      <Item label="Created">{when(user.createdAt)}</Item>
      <Item label="User id"><code className="font-mono text-xs">{user.id}</code></Item>
    </dl>
  );
}
