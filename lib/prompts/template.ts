// Template handling shared by the editor (client), the services and the API: finding
// {{variables}}, refusing malformed braces with a position, and rendering with type checks.
// Pure functions only, so the preview in the browser and the render endpoint agree exactly.

export const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,99}$/;
export const VARIABLE_TYPES = ["string", "number", "json"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

export type VariableSpec = { name: string; type: VariableType; required: boolean; default?: string; description: string };
export type ChatMessage = { role: "user" | "assistant"; text: string };
export type TemplateContent =
  | { type: "TEXT"; template: string; variables: VariableSpec[] }
  | { type: "CHAT"; system: string; messages: ChatMessage[]; variables: VariableSpec[] };

export type TemplateError = { message: string; index: number; line: number; column: number };
export type Issue = { field: string; message: string };

function position(text: string, index: number) {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  return { index, line, column: index - before.lastIndexOf("\n") };
}

type Token = { kind: "text"; text: string } | { kind: "var"; name: string };

/**
 * Splits a template into text and `{{name}}` tokens. An opening `{{` must close on the same
 * line with a variable name inside; a lone `}}` is left as text because JSON examples in prompts
 * end with `}}` all the time.
 */
export function tokenize(text: string): { tokens: Token[]; errors: TemplateError[] } {
  const tokens: Token[] = [];
  const errors: TemplateError[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf("{{", at);
    if (open === -1) break;
    if (open > at) tokens.push({ kind: "text", text: text.slice(at, open) });
    const close = text.indexOf("}}", open + 2);
    const lineEnd = text.indexOf("\n", open);
    if (close === -1 || (lineEnd !== -1 && lineEnd < close)) {
      const p = position(text, open);
      errors.push({ ...p, message: `unclosed {{ at line ${p.line}, column ${p.column}: close it with }}` });
      tokens.push({ kind: "text", text: text.slice(open, lineEnd === -1 ? text.length : lineEnd) });
      at = lineEnd === -1 ? text.length : lineEnd;
      continue;
    }
    const inner = text.slice(open + 2, close).trim();
    if (!VARIABLE_NAME.test(inner)) {
      const p = position(text, open);
      const shown = inner.length > 30 ? `${inner.slice(0, 30)}…` : inner;
      errors.push({
        ...p,
        message: `malformed variable {{${shown}}} at line ${p.line}, column ${p.column}: a name starts with a letter or _ and has only letters, digits, _ and -`,
      });
      tokens.push({ kind: "text", text: text.slice(open, close + 2) });
    } else {
      tokens.push({ kind: "var", name: inner });
    }
    at = close + 2;
  }
  if (at < text.length) tokens.push({ kind: "text", text: text.slice(at) });
  return { tokens, errors };
}

/** Each text field of a prompt with the field name errors are reported under. */
export function templateFields(content: Pick<TemplateContent, "type"> & Partial<{ template: string; system: string; messages: ChatMessage[] }>): [string, string][] {
  if (content.type === "TEXT") return [["template", content.template ?? ""]];
  return [["system", content.system ?? ""], ...(content.messages ?? []).map((m, i): [string, string] => [`messages.${i}.text`, m.text])];
}

/** Variables used by the template, in order of first use, plus every syntax error by field. */
export function analyzeTemplate(content: Parameters<typeof templateFields>[0]): { used: string[]; errors: Issue[] } {
  const used: string[] = [];
  const errors: Issue[] = [];
  for (const [field, text] of templateFields(content)) {
    const result = tokenize(text);
    for (const t of result.tokens) if (t.kind === "var" && !used.includes(t.name)) used.push(t.name);
    for (const e of result.errors) errors.push({ field, message: e.message });
  }
  return { used, errors };
}

/**
 * The variables table the author sees: every described variable, plus a required string for
 * each one used but not yet described; described-but-unused variables produce a warning.
 */
export function resolveVariables(content: TemplateContent): { variables: VariableSpec[]; warnings: string[] } {
  const { used } = analyzeTemplate(content);
  const described = new Set(content.variables.map((v) => v.name));
  const added = used.filter((n) => !described.has(n)).map((name): VariableSpec => ({ name, type: "string", required: true, description: "" }));
  const warnings = content.variables.filter((v) => !used.includes(v.name)).map((v) => `Variable "${v.name}" is described but not used in the template`);
  return { variables: [...content.variables, ...added], warnings };
}

/** The value as it goes into the text, or the reason it cannot. */
export function coerceValue(type: VariableType, value: unknown): { ok: true; text: string } | { ok: false; message: string } {
  if (type === "number") {
    if (typeof value === "number" && Number.isFinite(value)) return { ok: true, text: String(value) };
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value.trim()))) return { ok: true, text: value.trim() };
    return { ok: false, message: "must be a number" };
  }
  if (type === "json") {
    if (typeof value !== "string") return { ok: true, text: JSON.stringify(value) };
    try {
      JSON.parse(value);
      return { ok: true, text: value };
    } catch {
      return { ok: false, message: "must be valid JSON" };
    }
  }
  if (typeof value === "string") return { ok: true, text: value };
  if (typeof value === "number" || typeof value === "boolean") return { ok: true, text: String(value) };
  return { ok: false, message: "must be a string" };
}

export type Rendered = { type: "TEXT"; text: string } | { type: "CHAT"; system: string; messages: ChatMessage[] };

/**
 * Fills the variables. Every problem is reported at once, named `variables.<name>`: missing
 * required values, values of the wrong type, and values for variables the prompt does not have.
 */
export function renderTemplate(content: TemplateContent, values: Record<string, unknown>): { ok: true; output: Rendered } | { ok: false; errors: Issue[] } {
  const { variables } = resolveVariables(content);
  const errors: Issue[] = analyzeTemplate(content).errors;
  const filled = new Map<string, string>();
  for (const v of variables) {
    const given = values[v.name];
    if (given === undefined || given === null) {
      if (v.default !== undefined) filled.set(v.name, v.default);
      else if (v.required) errors.push({ field: `variables.${v.name}`, message: "is required" });
      else filled.set(v.name, "");
      continue;
    }
    const coerced = coerceValue(v.type, given);
    if (coerced.ok) filled.set(v.name, coerced.text);
    else errors.push({ field: `variables.${v.name}`, message: coerced.message });
  }
  const known = new Set(variables.map((v) => v.name));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) errors.push({ field: `variables.${name}`, message: "is not a variable of this prompt" });
  }
  if (errors.length) return { ok: false, errors };
  const fill = (text: string) => tokenize(text).tokens.map((t) => (t.kind === "text" ? t.text : filled.get(t.name) ?? "")).join("");
  if (content.type === "TEXT") return { ok: true, output: { type: "TEXT", text: fill(content.template) } };
  return { ok: true, output: { type: "CHAT", system: fill(content.system), messages: content.messages.map((m) => ({ role: m.role, text: fill(m.text) })) } };
}
