"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, inputClass } from "@/components/ui/field";
import { ariaFor } from "@/components/ui/form-errors";
import { useActionForm } from "@/components/ui/use-action-form";
import { toast } from "@/components/shell/toaster";
import { saveAwsConnectionAction, testAwsConnectionAction } from "@/app/(console)/settings/aws-connections/actions";
import { ENVIRONMENT_LABELS, saveAwsConnectionSchema, type AwsEnvironmentName } from "@/lib/aws-connections/schemas";
import type { AwsConnectionDto } from "@/lib/aws-connections/serialize";
import type { ConnectionTestResult } from "@/lib/aws/connection-tester";
import { ConnectionTestResultView } from "./connection-test-result";
import { DeleteConnectionButton } from "./delete-connection-button";

type Props = { environment: AwsEnvironmentName; connection: AwsConnectionDto | null; canManage: boolean };

/** One environment: its settings form, a connection test with per-capability results, delete. */
export function AwsConnectionCard({ environment, connection, canManage }: Props) {
  const router = useRouter();
  const [values, setValues] = useState({
    environment,
    region: connection?.region ?? "us-east-1",
    roleArn: connection?.roleArn ?? "",
    endpointOverride: connection?.endpointOverride ?? "",
  });
  const [result, setResult] = useState<ConnectionTestResult | null>(connection?.lastTestResult ?? null);
  const { errors, submit, pending, alert } = useActionForm(saveAwsConnectionSchema, saveAwsConnectionAction, (saved) => {
    toast(`${ENVIRONMENT_LABELS[environment]} connection saved`);
    setResult(saved.lastTestResult);
    router.refresh();
  });
  const test = useMutation({
    mutationFn: async () => {
      const r = await testAwsConnectionAction(environment);
      if (!r.ok) throw new Error(r.error.message);
      return r.data.result;
    },
    onSuccess: (r) => {
      setResult(r);
      toast(r.ok ? "Every capability works" : "Some capabilities fail: see the results", r.ok ? "success" : "error");
    },
    onError: (e) => toast(e.message, "error"),
  });
  const id = (f: string) => `aws-${environment}-${f}`;
  const set = (key: keyof typeof values) => (e: React.ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value }));
  const title = `${ENVIRONMENT_LABELS[environment]} (${environment})`;

  return (
    <Card
      title={title}
      actions={connection ? <Badge tone={connection.lastTestResult ? (connection.lastTestResult.ok ? "green" : "amber") : "gray"}>{connection.lastTestResult ? (connection.lastTestResult.ok ? "Tested: all OK" : "Tested: issues") : "Not tested"}</Badge> : <Badge>Not configured</Badge>}
    >
      <form onSubmit={submit(values)} className="space-y-4" aria-label={`${title} connection`} noValidate>
        <fieldset disabled={!canManage || pending} className="space-y-4">
          <Field id={id("region")} label="Region" hint="e.g. us-east-1" error={errors.region}>
            <input id={id("region")} className={inputClass} value={values.region} onChange={set("region")} {...ariaFor(id("region"), errors.region)} />
          </Field>
          <Field id={id("role")} label="Role to assume (optional)" hint="arn:aws:iam::123456789012:role/strata-console" error={errors.roleArn}>
            <input id={id("role")} className={inputClass} value={values.roleArn} onChange={set("roleArn")} {...ariaFor(id("role"), errors.roleArn)} />
          </Field>
          <Field id={id("endpoint")} label="Endpoint override (optional)" hint="Leave empty for AWS's public endpoints" error={errors.endpointOverride}>
            <input id={id("endpoint")} className={inputClass} value={values.endpointOverride} onChange={set("endpointOverride")} {...ariaFor(id("endpoint"), errors.endpointOverride)} />
          </Field>
        </fieldset>
        {alert}
        {canManage ? (
          <div className="flex flex-wrap gap-2">
            <button type="submit" className="inline-flex items-center rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-medium text-white shadow-sm hover:bg-indigo-700 disabled:bg-indigo-300" disabled={pending}>
              {pending ? "Saving…" : connection ? "Save changes" : "Save connection"}
            </button>
            {connection ? (
              <Button variant="secondary" onClick={() => test.mutate()} disabled={test.isPending} aria-label={`Test ${environment} connection`}>
                {test.isPending ? "Testing…" : "Test connection"}
              </Button>
            ) : null}
            {connection ? <DeleteConnectionButton environment={environment} /> : null}
          </div>
        ) : (
          <p className="text-xs text-slate-500">Only admins change AWS connections.</p>
        )}
      </form>
      <div className="mt-5" aria-live="polite">
        {test.isPending ? <p className="text-sm text-slate-600">Calling ListPrompts, ListGuardrails, ListKnowledgeBases, ListMetrics and GetCostAndUsage…</p> : null}
        {!test.isPending && result ? <ConnectionTestResultView result={result} /> : null}
      </div>
    </Card>
  );
}
