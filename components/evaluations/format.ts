/** A metric value as people read it: no float noise (0.1 + 0.2 shows as 0.3). */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return String(Number(value.toPrecision(6)));
}

/** A signed difference, "+0.04" / "−120" / "0". */
export function formatDelta(delta: number | null): string {
  if (delta === null) return "—";
  const rounded = Number(delta.toPrecision(6));
  if (rounded === 0) return "0";
  return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** Compact one-line JSON for table cells. */
export function inline(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? "";
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
