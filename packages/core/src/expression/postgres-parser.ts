/**
 * Postgres' own SQL parser (libpg-query, compiled to WebAssembly). It must be loaded once,
 * asynchronously, before anything reads an expression: every entry point (CLI, server,
 * editor, tests, benchmarks) awaits `loadExpressionParser()` first, so that validation and
 * canonical spelling stay synchronous everywhere else.
 */
import type { ParseResult, RawStmt, ScanToken } from 'libpg-query';

type Parser = typeof import('libpg-query');

// Imported on first load, not with this module: the package compiles its WebAssembly as soon
// as it is evaluated, which a command that never reads a design (`--help`) should not wait for.
let parser: Parser | null = null;
let loading: Promise<void> | null = null;

/** Loads the parser; safe to call many times and from several places at once. */
export function loadExpressionParser(): Promise<void> {
  loading ??= import('libpg-query').then(async (module) => {
    await module.loadModule();
    parser = module;
  });
  return loading;
}

export function isExpressionParserLoaded(): boolean {
  return parser !== null;
}

export class SqlSyntaxError extends Error {
  /** 0-based character offset into the parsed text, when Postgres gave one. */
  readonly position: number | null;
  constructor(message: string, position: number | null) {
    super(message);
    this.position = position;
  }
}

function ensureLoaded(): Parser {
  if (parser === null) {
    throw new Error(
      'The SQL parser is not loaded: await loadExpressionParser() from @retort/core before reading a design.',
    );
  }
  return parser;
}

/** The tokens of `sql` as Postgres' lexer reads them, comments included. */
export function scanTokens(sql: string): ScanToken[] {
  return ensureLoaded().scanSync(sql).tokens;
}

/** The statements of `sql` as Postgres parses them; throws SqlSyntaxError when it does not parse. */
export function parseStatements(sql: string): RawStmt[] {
  const { parseSync } = ensureLoaded();
  let result: ParseResult;
  try {
    result = parseSync(sql);
  } catch (error) {
    if (error instanceof RangeError) throw error;
    const details = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails;
    const message = error instanceof Error ? error.message : String(error);
    throw new SqlSyntaxError(message, details?.cursorPosition ?? null);
  }
  return result.stmts ?? [];
}
