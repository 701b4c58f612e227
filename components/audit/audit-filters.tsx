"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { AUDIT_FILTER_KEYS, auditFilterSchema, type AuditFilterKey } from "@/lib/audit/schemas";
import { auditActionLabel } from "@/lib/audit/action-labels";

type Values = Record<AuditFilterKey, string>;
type Options = { resourceTypes: string[]; actions: string[] };

/** Actions grouped by namespace ("use-case.create" under "use-case"), each group selectable whole. */
function groupActions(actions: string[]) {
  const groups = new Map<string, string[]>();
  for (const a of actions) {
    const ns = a.includes(".") ? a.slice(0, a.indexOf(".")) : a;
    groups.set(ns, [...(groups.get(ns) ?? []), a]);
  }
  return [...groups.entries()];
}

/** Filters live in the URL (bookmarkable, shareable, carried by the export links); applied on submit. */
export function AuditFilters({ options }: { options: Options }) {
  const params = useSearchParams();
  // Remount when the URL changes (Clear, back/forward) so the fields show what is applied.
  return <FilterForm key={params.toString()} options={options} params={params} />;
}

function FilterForm({ options, params }: { options: Options; params: URLSearchParams }) {
  const router = useRouter();
  const pathname = usePathname();
  const [values, setValues] = useState<Values>(() => Object.fromEntries(AUDIT_FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])) as Values);
  const [errors, setErrors] = useState<Partial<Record<AuditFilterKey, string>>>({});
  const active = AUDIT_FILTER_KEYS.some((k) => params.get(k));

  const apply = (next: Values) => {
    // The same schema as the server: a bad date or an inverted range is caught before navigating.
    const parsed = auditFilterSchema.safeParse(next);
    if (!parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])));
      return;
    }
    setErrors({});
    const query = new URLSearchParams(params.toString());
    for (const k of AUDIT_FILTER_KEYS) {
      if (next[k].trim()) query.set(k, next[k].trim());
      else query.delete(k);
    }
    query.delete("page");
    router.push(`${pathname}?${query.toString()}`);
  };
  const set = (k: AuditFilterKey, v: string) => setValues((all) => ({ ...all, [k]: v }));
  // Dropdowns apply at once, like the use-case list; typed fields wait for Apply or Enter.
  // The field keeps the choice too, so an Apply clicked while the navigation runs keeps it.
  const choose = (k: AuditFilterKey, v: string) => {
    set(k, v);
    apply({ ...values, [k]: v });
  };
  const groups = groupActions(options.actions);
  const knownActions = new Set([...options.actions, ...groups.map(([ns]) => ns)]);
  const withCurrent = (list: string[], current: string) => (current && !list.includes(current) ? [current, ...list] : list);
  const input = (k: AuditFilterKey, label: string, type: "search" | "date", placeholder?: string) => (
    <Field id={`audit-${k}`} label={label} error={errors[k]}>
      <input
        id={`audit-${k}`}
        type={type}
        value={values[k]}
        placeholder={placeholder}
        onChange={(e) => set(k, e.target.value)}
        aria-invalid={errors[k] ? true : undefined}
        aria-describedby={errors[k] ? `audit-${k}-error` : undefined}
        className={inputClass}
      />
    </Field>
  );

  return (
    <form role="search" aria-label="Filter audit events" onSubmit={(e) => { e.preventDefault(); apply(values); }} className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-6">
        {input("actor", "Actor", "search", "Name or email")}
        <Field id="audit-resourceType" label="Resource type">
          <select id="audit-resourceType" value={values.resourceType} onChange={(e) => choose("resourceType", e.target.value)} className={inputClass}>
            <option value="">All types</option>
            {withCurrent(options.resourceTypes, values.resourceType).map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </Field>
        {input("resourceId", "Resource id", "search", "e.g. uc_…")}
        <Field id="audit-action" label="Action">
          <select id="audit-action" value={values.action} onChange={(e) => choose("action", e.target.value)} className={inputClass}>
            <option value="">All actions</option>
            {values.action && !knownActions.has(values.action) ? <option value={values.action}>{values.action}</option> : null}
            {groups.map(([ns, actions]) => (
              <optgroup key={ns} label={ns}>
                {actions.length > 1 || actions[0] !== ns ? <option value={ns}>All {ns} actions</option> : null}
                {actions.map((a) => <option key={a} value={a}>{auditActionLabel(a)}</option>)}
              </optgroup>
            ))}
          </select>
        </Field>
        {input("from", "From (UTC)", "date")}
        {input("to", "To (UTC)", "date")}
      </div>
      <div className="mt-3 flex items-center justify-end gap-2">
        {active ? <Link href={pathname} className={buttonClass("ghost")}>Clear filters</Link> : null}
        <Button type="submit" variant="secondary">Apply filters</Button>
      </div>
    </form>
  );
}
