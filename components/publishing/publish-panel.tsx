"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PermittedLink } from "@/components/shell/actor-context";
import { toast } from "@/components/shell/toaster";
import { AwsErrorView } from "@/components/aws-connections/aws-error";
import {
  listGuardrailPublicationsAction, listPromptPublicationsAction, publishGuardrailVersionAction, publishPromptVersionAction,
} from "@/app/(console)/publishing/actions";
import { ENVIRONMENT_LABELS } from "@/lib/aws-connections/schemas";
import type { EnvironmentPublication } from "@/lib/publishing/queries";
import { DateTime } from "@/components/ui/date-time";

type Props = { resourceType: "prompt" | "guardrail"; versionId: string; versionNumber: number };

const STATUS_TONE: Record<string, BadgeTone> = { PUBLISHED: "green", PENDING: "blue", FAILED: "red" };
export const publicationsKey = (resourceType: string, versionId: string) => ["publications", resourceType, versionId] as const;

/** A version's state in Bedrock per environment, with Publish / Retry. */
export function PublishPanel({ resourceType, versionId, versionNumber }: Props) {
  const queryClient = useQueryClient();
  const key = publicationsKey(resourceType, versionId);
  const query = useQuery({
    queryKey: key,
    queryFn: async () => {
      const r = await (resourceType === "prompt" ? listPromptPublicationsAction(versionId) : listGuardrailPublicationsAction(versionId));
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
  });
  const publish = useMutation({
    mutationFn: async (environment: string) => {
      const input = { versionId, environment };
      const r = await (resourceType === "prompt" ? publishPromptVersionAction(input) : publishGuardrailVersionAction(input));
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    onSuccess: (p) => toast(`Version ${versionNumber} published to ${p.environment} as Bedrock version ${p.bedrockVersion}`),
    onError: (e) => toast(e.message, "error"),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });

  return (
    <Card title={`Publish version ${versionNumber} to Bedrock`}>
      {query.isPending ? <p className="text-sm text-slate-600">Loading publication status…</p> : null}
      {query.isError ? <p role="alert" className="text-sm text-rose-700">{query.error.message}</p> : null}
      {query.data ? (
        <ul className="divide-y divide-slate-100" aria-label="Environments">
          {query.data.map((e) => (
            <EnvironmentRow key={e.environment} entry={e} resourceType={resourceType} pending={publish.isPending && publish.variables === e.environment} disabled={publish.isPending} onPublish={() => publish.mutate(e.environment)} />
          ))}
        </ul>
      ) : null}
    </Card>
  );
}

function EnvironmentRow({ entry, resourceType, pending, disabled, onPublish }: { entry: EnvironmentPublication; resourceType: string; pending: boolean; disabled: boolean; onPublish: () => void }) {
  const p = entry.publication;
  const label = `${ENVIRONMENT_LABELS[entry.environment]} (${entry.environment})`;
  return (
    <li className="py-3 first:pt-0 last:pb-0" aria-label={label}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex items-center gap-2">
          <span className="text-sm font-medium text-slate-900">{label}</span>
          {p ? <Badge tone={STATUS_TONE[p.status] ?? "gray"}>{p.status === "PUBLISHED" ? "Published" : p.status === "FAILED" ? "Failed" : "Publishing"}</Badge> : <Badge>Not published</Badge>}
        </div>
        {entry.connected && p?.status !== "PUBLISHED" ? (
          <Button variant={p?.status === "FAILED" ? "secondary" : "primary"} onClick={onPublish} disabled={disabled} aria-label={`${p?.status === "FAILED" ? "Retry publishing" : "Publish"} to ${entry.environment}`}>
            {pending ? "Publishing…" : p?.status === "FAILED" ? "Retry" : "Publish"}
          </Button>
        ) : null}
      </div>
      {!entry.connected && p?.status !== "PUBLISHED" ? (
        <p className="mt-1 text-xs text-slate-600">
          No AWS connection for this environment.{" "}
          <PermittedLink permission="aws-connection:read" href="/settings/aws-connections" className="font-medium text-indigo-700 hover:underline" fallback="An admin can configure one in Settings">
            Configure one in Settings
          </PermittedLink>{" "}
          to publish this {resourceType}.
        </p>
      ) : null}
      {p?.status === "PUBLISHED" ? (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
          <dt className="text-slate-500">Bedrock id</dt><dd className="font-mono text-slate-800">{p.bedrockId}</dd>
          <dt className="text-slate-500">Bedrock version</dt><dd className="font-mono text-slate-800">{p.bedrockVersion}</dd>
          <dt className="text-slate-500">ARN</dt><dd className="break-all font-mono text-slate-800" data-testid={`arn-${entry.environment}`}>{p.bedrockArn}</dd>
          {p.publishedAt ? <><dt className="text-slate-500">Published at</dt><dd className="text-slate-700"><DateTime value={p.publishedAt} />{p.attempts > 1 ? ` after ${p.attempts} attempts` : ""}</dd></> : null}
        </dl>
      ) : null}
      {p?.status === "FAILED" && p.error ? (
        <div className="mt-2">
          <AwsErrorView kind={p.error.kind} name={p.error.name} message={p.error.message} />
          <p className="mt-1 text-xs text-slate-500">Attempt {p.attempts}. A retry reuses the same client token, so Bedrock will not create a duplicate version.</p>
        </div>
      ) : null}
    </li>
  );
}
