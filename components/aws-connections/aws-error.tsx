import { Badge, type BadgeTone } from "@/components/ui/badge";
import { AWS_KIND_LABELS, type AwsErrorKind } from "@/lib/aws/errors";

const TONE: Record<AwsErrorKind, BadgeTone> = {
  throttled: "amber",
  unavailable: "amber",
  "access-denied": "red",
  validation: "red",
  "not-found": "red",
  other: "red",
};

/** An AWS failure as what it is: its kind, AWS's error name and AWS's own message. */
export function AwsErrorView({ kind, name, message }: { kind: AwsErrorKind; name: string; message: string }) {
  return (
    <div className="space-y-1">
      <Badge tone={TONE[kind]}>{AWS_KIND_LABELS[kind]}</Badge>
      <p className="break-words text-xs text-slate-700">
        <span className="font-mono font-medium">{name}</span>: {message}
      </p>
      {kind === "throttled" || kind === "unavailable" ? <p className="text-xs text-slate-500">Temporary: retrying later is safe.</p> : null}
    </div>
  );
}
