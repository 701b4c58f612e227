import type { UserDto } from "@/lib/users/serialize";
import { DateTime } from "@/components/ui/date-time";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The account's recent failed sign-ins by network address, and any wait that is running. */
export function SignInThrottleStatus({ throttle }: { throttle: UserDto["signInThrottle"] }) {
  if (throttle.failures === 0) return <p>Not throttled. No recent failed sign-ins.</p>;
  return (
    <>
      {throttle.throttledUntil ? (
        <p>
          <span className="font-medium text-amber-800">Throttled</span> after {plural(throttle.failures, "failed sign-in")}: attempts from the addresses below wait until{" "}
          <DateTime value={throttle.throttledUntil} />.
        </p>
      ) : (
        <p>Not throttled. {plural(throttle.failures, "failed sign-in")} in the last 24 hours.</p>
      )}
      <ul className="mt-2 space-y-1" aria-label="Failed sign-ins by address">
        {throttle.addresses.map((a) => (
          <li key={a.clientAddress} className="flex flex-wrap gap-x-2">
            <code className="font-mono text-slate-900">{a.clientAddress}</code>
            <span>{plural(a.failures, "failure")}</span>
            {a.blockedUntil ? <span className="text-amber-800">waiting until <DateTime value={a.blockedUntil} /></span> : null}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-xs text-slate-500">Throttling is per network address: the owner can still sign in from anywhere else.</p>
    </>
  );
}
