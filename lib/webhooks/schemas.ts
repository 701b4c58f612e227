import { z } from "zod";
import { WEBHOOK_EVENTS } from "./events";

// Shared by the webhook forms and the services.

export const webhookUrlSchema = z
  .string("is required")
  .trim()
  .min(1, "is required")
  .max(2000, "must be at most 2000 characters")
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be a full URL such as https://hooks.example.com/strata" });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: `must use http or https (not ${url.protocol.replace(":", "")}): deliveries are HTTP POST requests` });
    } else if (url.username || url.password) {
      // The URL is shown in the console and recorded in the audit log; the signature is what
      // authenticates Strata to the receiver.
      ctx.addIssue({ code: "custom", message: "must not contain a user name or password: the URL is shown to admins and audited; verify the signature instead" });
    }
  });

const descriptionSchema = z.string("must be text").trim().max(200, "must be at most 200 characters");

export const webhookEventsSchema = z
  .array(z.enum(WEBHOOK_EVENTS, `must be one of ${WEBHOOK_EVENTS.join(", ")}`), "choose at least one event")
  .min(1, "choose at least one event")
  .transform((events) => WEBHOOK_EVENTS.filter((e) => events.includes(e)));

export const createWebhookSchema = z
  .object({ url: webhookUrlSchema, description: descriptionSchema.default(""), events: webhookEventsSchema })
  .strict();
export type CreateWebhookInput = z.input<typeof createWebhookSchema>;

export const updateWebhookSchema = z
  .object({
    url: webhookUrlSchema.optional(),
    description: descriptionSchema.optional(),
    events: webhookEventsSchema.optional(),
    active: z.boolean("must be true or false").optional(),
  })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: "change at least one of url, description, events, active" });
export type UpdateWebhookInput = z.input<typeof updateWebhookSchema>;

export const listDeliveriesSchema = z.object({
  page: z.coerce.number("must be a number").int("must be a whole number").min(1, "must be at least 1").default(1),
  pageSize: z.coerce.number("must be a number").int().min(1, "must be between 1 and 100").max(100, "must be between 1 and 100").default(20),
});
