/**
 * Python source for a string, as Python's own `repr` writes it: `preferred` quotes unless the
 * text holds them and not the other kind; backslashes and control characters escaped.
 */
export function pythonString(text: string, preferred: "'" | '"' = "'"): string {
  const other = preferred === "'" ? '"' : "'";
  const quote = text.includes(preferred) && !text.includes(other) ? other : preferred;
  let body = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\\') body += '\\\\';
    else if (char === quote) body += `\\${quote}`;
    else if (char === '\n') body += '\\n';
    else if (char === '\r') body += '\\r';
    else if (char === '\t') body += '\\t';
    else if (code < 0x20 || code === 0x7f) body += `\\x${code.toString(16).padStart(2, '0')}`;
    else body += char;
  }
  return `${quote}${body}${quote}`;
}

/** `'a', 'b'`: the arguments of `Enum(...)` and friends. */
export function pythonStrings(values: readonly string[], preferred: "'" | '"' = "'"): string {
  return values.map((value) => pythonString(value, preferred)).join(', ');
}

/**
 * SQL for `text(...)`: SQLAlchemy reads `:word` as a bound parameter there, which DDL
 * cannot carry, so such colons are escaped (`\:`) the way its docs say. `::` casts stay.
 * The pattern is SQLAlchemy's own (`TextClause._bind_params_regex`).
 */
export function escapeTextColons(sql: string): string {
  return sql.replace(/(?<![:\w\\]):(\w+)(?!:)/gu, '\\:$1');
}

/** `text("...")` / `sa.text('...')` around a SQL expression. */
export function pythonText(sql: string, callee: string, preferred: "'" | '"'): string {
  return `${callee}(${pythonString(escapeTextColons(sql), preferred)})`;
}

/** Text safe inside a `"""docstring"""`. */
export function docstringText(text: string): string {
  return text
    .replaceAll('\\', '\\\\')
    .replaceAll('"', '\\"')
    .replace(/[\r\n]+/g, ' ');
}

/** SQLAlchemy's `deferrable=True, initially='DEFERRED'` keywords for a key, each when set. */
export function deferrabilityKwargs(k: { deferrable?: true; initiallyDeferred?: true }): string[] {
  if (!k.deferrable) return [];
  return ['deferrable=True', ...(k.initiallyDeferred ? ["initially='DEFERRED'"] : [])];
}
