"use client";

import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS, type WebhookEvent } from "@/lib/webhooks/events";

/** The subscribable events as a checkbox group, with the event name a receiver switches on. */
export function WebhookEventCheckboxes({ idPrefix, value, onChange, error }: { idPrefix: string; value: WebhookEvent[]; onChange: (events: WebhookEvent[]) => void; error?: string }) {
  const toggle = (event: WebhookEvent, on: boolean) => onChange(on ? [...value, event] : value.filter((e) => e !== event));
  return (
    <fieldset aria-describedby={error ? `${idPrefix}-events-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Events</legend>
      <div className="mt-2 grid grid-cols-1 gap-3 md:grid-cols-2 2xl:grid-cols-3">
        {WEBHOOK_EVENTS.map((event) => {
          const id = `${idPrefix}-event-${event.replace(/[^a-z]/g, "-")}`;
          return (
            <div key={event} className="flex items-start gap-3 rounded-md p-3 ring-1 ring-inset ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-300">
              <input id={id} type="checkbox" className="mt-0.5 h-4 w-4 rounded border-slate-300" aria-describedby={`${id}-hint`} checked={value.includes(event)} onChange={(e) => toggle(event, e.target.checked)} />
              <div>
                <label htmlFor={id} className="text-sm font-medium text-slate-900">{WEBHOOK_EVENT_LABELS[event]}</label>
                <p id={`${id}-hint`} className="font-mono text-xs text-slate-600">{event}</p>
              </div>
            </div>
          );
        })}
      </div>
      {error ? <p id={`${idPrefix}-events-error`} role="alert" className="mt-1.5 text-xs font-medium text-rose-700">{error}</p> : null}
    </fieldset>
  );
}
