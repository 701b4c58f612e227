import fs from "node:fs";
import path from "node:path";
import { describe, expect, expectTypeOf, it } from "vitest";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { AUDIT_ACTION_LABELS, auditActionLabel, type AuditAction } from "./action-labels";
import type { AuditInput } from "./record-audit-event";

const ROOT = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [full] : [];
  });
}

/**
 * Every "resource.verb" string literal in a file that writes audit events: the actions the code
 * emits, found in the source rather than listed by hand (webhook event names share the shape).
 */
function emittedActions(): Map<string, string> {
  const found = new Map<string, string>();
  const webhookEvents = new Set<string>(WEBHOOK_EVENTS);
  for (const file of [...sourceFiles(path.join(ROOT, "lib")), ...sourceFiles(path.join(ROOT, "app"))]) {
    const text = fs.readFileSync(file, "utf8");
    if (!/recordAuditEvent\(|insertDraftRelease\(/.test(text) || file.endsWith("record-audit-event.ts")) continue;
    for (const [, literal] of text.matchAll(/["'`]([a-z][a-z-]*(?:\.[a-z][a-z-]*)+)["'`]/g)) {
      if (!webhookEvents.has(literal!)) found.set(literal!, path.relative(ROOT, file));
    }
  }
  return found;
}

describe("audit action labels", () => {
  it("gives every action the code emits a label, so no timeline shows a raw action code", () => {
    const emitted = emittedActions();
    // The scan finds the actions (a broken scan would pass vacuously).
    expect(emitted.size).toBeGreaterThan(40);
    for (const [action, file] of emitted) expect(Object.keys(AUDIT_ACTION_LABELS), `${action} (${file})`).toContain(action);
    // recordAuditEvent only accepts labelled actions: computed ones (`${type}.publish`) are checked by the compiler.
    expectTypeOf<AuditInput["action"]>().toEqualTypeOf<AuditAction>();
  });

  it("labels read as words: capitalised, never the code", () => {
    for (const [action, label] of Object.entries(AUDIT_ACTION_LABELS)) {
      expect(label, action).toMatch(/^[A-Z][^.]*$/);
      expect(label, action).not.toContain(action);
    }
  });

  it("names the resource where a log mixes them, and reads an unknown (older) action as words", () => {
    expect(auditActionLabel("release.promote")).toBe("Promoted");
    expect(auditActionLabel("release.promote", { withResource: true })).toBe("Release: promoted");
    expect(auditActionLabel("use-case.submit", { withResource: true })).toBe("Use case: submitted for review");
    expect(auditActionLabel("api-token.create", { withResource: true })).toBe("API token created");
    expect(auditActionLabel("widget.spin-up")).toBe("Widget spin up");
  });
});
