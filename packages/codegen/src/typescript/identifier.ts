/**
 * TypeScript spelling of database names: identifiers, string literals and object keys, so
 * a table called `order` or a column called `2fa code` still gives code that compiles.
 */
import { camelCase } from '../names/case';

/** Words TypeScript will not take as a `const`, parameter or class name. */
export const TS_RESERVED: ReadonlySet<string> = new Set([
  'break',
  'case',
  'catch',
  'class',
  'const',
  'continue',
  'debugger',
  'default',
  'delete',
  'do',
  'else',
  'enum',
  'export',
  'extends',
  'false',
  'finally',
  'for',
  'function',
  'if',
  'import',
  'in',
  'instanceof',
  'new',
  'null',
  'return',
  'super',
  'switch',
  'this',
  'throw',
  'true',
  'try',
  'typeof',
  'var',
  'void',
  'while',
  'with',
  'as',
  'implements',
  'interface',
  'let',
  'package',
  'private',
  'protected',
  'public',
  'static',
  'yield',
  'any',
  'boolean',
  'number',
  'string',
  'symbol',
  'never',
  'unknown',
  'object',
  'undefined',
  'await',
  'async',
  'type',
  'arguments',
  'eval',
]);

/**
 * Names an object or class already has from `Object.prototype`: a class property called
 * `constructor` is the constructor, and a `toString` field shadows the method.
 */
export const OBJECT_MEMBERS: ReadonlySet<string> = new Set([
  'constructor',
  '__proto__',
  'prototype',
  'toString',
  'toLocaleString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  'propertyIsEnumerable',
]);

const IDENTIFIER = /^[\p{L}_$][\p{L}\p{N}_$]*$/u;

export function isIdentifier(text: string): boolean {
  return IDENTIFIER.test(text) && !TS_RESERVED.has(text);
}

/**
 * A TypeScript string literal: single-quoted, or double-quoted when that needs fewer
 * escapes (`"full_name <> ''"`), as Biome and Prettier print it.
 */
export function stringLiteral(text: string): string {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(quote === "'" ? /'/g : /"/g, `\\${quote}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return `${quote}${escaped}${quote}`;
}

/**
 * The text of a template literal (between the backticks) that reads back as `text`. A raw
 * carriage return would read back as a line feed, so it is written as `\r`.
 */
export function templateText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${')
    .replace(/\r/g, '\\r');
}

/** An object key or interface property name: bare when it can be, quoted otherwise. */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) ? name : stringLiteral(name);
}

/**
 * A camelCase identifier for `name`, made unique against `taken` (which it extends):
 * `full_name` -> `fullName`, `class` -> `class_`, `constructor` -> `constructor_`, `2fa` -> `_2fa`,
 * a second `fullName` -> `fullName2`.
 */
export function uniqueIdentifier(
  name: string,
  taken: Set<string>,
  style: (n: string) => string = camelCase,
): string {
  let base = style(name);
  if (base === '') base = 'field';
  if (!/^[\p{L}_$]/u.test(base)) base = `_${base}`;
  if (TS_RESERVED.has(base) || OBJECT_MEMBERS.has(base)) base = `${base}_`;
  let candidate = base;
  for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
  taken.add(candidate);
  return candidate;
}
