/**
 * Foreign keys between integers of different widths: Postgres accepts them (the types
 * compare), so the design does too, but a reviewer must see the narrower side. An INTEGER
 * column referencing a BIGINT key fails on the first id past 2147483647, years after the
 * review; a wider referencing column only costs space.
 */
import type { Catalog, CatalogForeignKey, CatalogTable } from '../catalog/types';
import type { Operation } from '../operations/types';
import type { LintFinding } from './types';

const WIDTH: Record<string, number> = { SMALLINT: 2, INTEGER: 4, BIGINT: 8 };
const MAX: Record<string, string> = {
  SMALLINT: '32767',
  INTEGER: '2147483647',
};

export const KEY_WIDTH_CODE = 'foreign-key-integer-width';

function typeOf(table: CatalogTable | undefined, column: string): string | undefined {
  return table?.columns.find((c) => c.name === column)?.type;
}

/** Findings for the foreign keys an operation creates or whose columns it retypes. */
export function keyWidthFindings(ops: readonly Operation[], after: () => Catalog): LintFinding[] {
  const touched = new Map<string, Set<string>>();
  const keysCreated = new Map<string, number>();
  ops.forEach((op, i) => {
    if (op.kind === 'create_foreign_key') keysCreated.set(`${op.table}\0${op.foreignKey.name}`, i);
    if (op.kind === 'alter_column' && op.before.type !== op.after.type) {
      const columns = touched.get(op.table) ?? new Set<string>();
      columns.add(op.after.name);
      touched.set(op.table, columns);
    }
  });
  if (keysCreated.size === 0 && touched.size === 0) return [];
  const catalog = after();
  const tables = new Map(catalog.tables.map((t) => [t.name, t]));
  const retypeOp = (table: string, column: string) =>
    ops.findIndex(
      (op) =>
        op.kind === 'alter_column' &&
        op.table === table &&
        op.after.name === column &&
        op.before.type !== op.after.type,
    );
  const findings: LintFinding[] = [];
  const check = (table: CatalogTable, key: CatalogForeignKey, operation: number) => {
    const target = tables.get(key.refTable);
    key.columns.forEach((column, i) => {
      const refColumn = key.refColumns[i]!;
      const from = typeOf(table, column);
      const to = typeOf(target, refColumn);
      if (!from || !to || from === to || !WIDTH[from] || !WIDTH[to]) return;
      const where = `${table.name}.${column}`;
      const referenced = `${key.refTable}.${refColumn}`;
      findings.push(
        WIDTH[from]! < WIDTH[to]!
          ? {
              code: KEY_WIDTH_CODE,
              level: 'warning',
              message: `Foreign key ${key.name}: ${where} is ${from} but references ${referenced}, which is ${to}; a key above ${MAX[from]} will not fit in ${where}.`,
              operation,
            }
          : {
              code: KEY_WIDTH_CODE,
              level: 'notice',
              message: `Foreign key ${key.name}: ${where} is ${from} but references ${referenced}, which is ${to}; the wider column only costs space.`,
              operation,
            },
      );
    });
  };
  for (const table of catalog.tables) {
    for (const key of table.foreignKeys) {
      const created = keysCreated.get(`${table.name}\0${key.name}`);
      if (created !== undefined) {
        check(table, key, created);
        continue;
      }
      const mine = touched.get(table.name);
      const theirs = touched.get(key.refTable);
      const retyped = [
        ...key.columns.filter((c) => mine?.has(c)).map((c) => retypeOp(table.name, c)),
        ...key.refColumns.filter((c) => theirs?.has(c)).map((c) => retypeOp(key.refTable, c)),
      ];
      if (retyped.length > 0) check(table, key, Math.min(...retyped));
    }
  }
  return findings;
}
