import { SIGNATURE_TOLERANCE_SECONDS } from "@/lib/webhooks/signature";

const SNIPPET = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a string, before JSON.parse).
export function verifyStrataSignature(secret, header, rawBody) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=")));
  const t = Number(parts.t);
  if (!t || Math.abs(Date.now() / 1000 - t) > ${SIGNATURE_TOLERANCE_SECONDS}) return false; // stale: replay
  const expected = createHmac("sha256", secret).update(\`\${t}.\${rawBody}\`).digest("hex");
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === 32 && timingSafeEqual(given, Buffer.from(expected, "hex"));
}

// e.g. in an Express handler with express.text({ type: "application/json" }):
// if (!verifyStrataSignature(process.env.STRATA_WEBHOOK_SECRET, req.get("Strata-Signature"), req.body))
//   return res.sendStatus(401);`;

const HEADERS: [string, string][] = [
  ["Strata-Event", "The event type, e.g. release.approved (webhook.test for a test delivery)."],
  ["Strata-Delivery", "The delivery id. A retry or a redelivery sends the same id: use it to ignore duplicates."],
  ["Strata-Signature", "t=<unix seconds>,v1=<hex HMAC-SHA256 of “<t>.<raw body>” keyed with the signing secret>."],
];

/** How a receiver authenticates a delivery: the headers, the payload envelope and a Node snippet. */
export function WebhookSignatureDocs() {
  return (
    <div className="space-y-4 text-sm text-slate-700">
      <p>
        Each delivery is an HTTP <code className="font-mono">POST</code> with a JSON body{" "}
        <code className="font-mono text-xs">{"{ id, type, occurredAt, data }"}</code>. Answer with any 2xx within 10 seconds; anything else
        (or no answer) is retried with exponential backoff — 30 s, 1 min, 2 min … at most an hour apart — up to 8 attempts, then the
        delivery is marked failed and can be redelivered from the log. Redirects are not followed.
      </p>
      <dl className="divide-y divide-slate-100 rounded-md ring-1 ring-inset ring-slate-200">
        {HEADERS.map(([name, text]) => (
          <div key={name} className="grid grid-cols-1 gap-1 px-3 py-2 md:grid-cols-[11rem_1fr]">
            <dt className="font-mono text-xs font-semibold text-slate-900">{name}</dt>
            <dd className="text-xs text-slate-600">{text}</dd>
          </div>
        ))}
      </dl>
      <p>
        Verify the signature over the raw body before trusting the payload, compare in constant time, and refuse a timestamp more than{" "}
        {SIGNATURE_TOLERANCE_SECONDS / 60} minutes old:
      </p>
      <pre tabIndex={0} aria-label="Node.js signature verification example" className="overflow-x-auto rounded-md bg-slate-900 px-4 py-3 text-xs leading-relaxed text-slate-100 focus:outline-none focus:ring-2 focus:ring-indigo-600">
        <code>{SNIPPET}</code>
      </pre>
    </div>
  );
}
