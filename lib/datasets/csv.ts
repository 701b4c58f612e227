// RFC 4180 CSV: fields separated by commas, records by CRLF or LF; a quoted field may hold commas,
// quotes (doubled) and line breaks.

export type CsvRecord = { cells: string[]; end: number; unterminated?: boolean };

/** Yields one record at a time with the offset where it ends (for progress). */
export function* csvRecords(text: string): Generator<CsvRecord> {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (i < n) {
    const cells: string[] = [];
    let cell = "";
    let unterminated = false;
    for (;;) {
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else cell += text[i++];
        }
        if (!closed) unterminated = true;
      }
      // Unquoted text (or text after a closing quote, kept as written).
      while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") cell += text[i++];
      cells.push(cell);
      cell = "";
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      break;
    }
    yield { cells, end: i, ...(unterminated ? { unterminated } : {}) };
  }
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field. Text a spreadsheet would run as a formula is prefixed with ' (OWASP's advice);
 * the parser removes that prefix again, so an export parses back to the same items.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function unneutralise(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
