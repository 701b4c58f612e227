/**
 * Escapes LIKE wildcards. Prisma passes `contains`/`startsWith` values to LIKE unescaped, so
 * without this a search for "%" or "_" matches everything.
 */
export const likeLiteral = (s: string) => s.replace(/[\\%_]/g, "\\$&");
