"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { PASSWORD_MIN_LENGTH } from "@/lib/users/schemas";

const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

/** 20 characters from the browser's CSPRNG (~115 bits): comfortably past the minimum length. */
function generatePassword(length = 20): string {
  const bytes = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join("");
}

/** A new-password field with show/hide and a generator; the admin passes it on out of band. */
export function PasswordInput({ id, label, value, onChange, error }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <Field id={id} label={label} error={error} hint={`At least ${PASSWORD_MIN_LENGTH} characters. Give it to the person over a channel you trust.`}>
      <div className="flex gap-2">
        <input
          id={id}
          type={visible ? "text" : "password"}
          autoComplete="new-password"
          spellCheck={false}
          className={`${inputClass} font-mono`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy(id, { hint: true, error })}
        />
        <Button variant="secondary" onClick={() => setVisible((v) => !v)} aria-pressed={visible} aria-controls={id}>
          {visible ? "Hide" : "Show"}
        </Button>
        <Button variant="secondary" onClick={() => { onChange(generatePassword()); setVisible(true); }}>Generate</Button>
      </div>
    </Field>
  );
}
