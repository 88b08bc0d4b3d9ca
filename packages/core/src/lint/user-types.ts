/**
 * Domains and composite types in use: dropping one a column still has fails (Postgres
 * refuses, or CASCADE would drop the column); a NOT NULL or a check added to a domain holds
 * for every row of its columns at once, so existing rows can make the change fail; dropping
 * an attribute of a composite type loses that part of every value. The catalog before each
 * step is replayed from the schema the operations lead to, so columns that were there
 * before the change are seen too.
 */
import type { Catalog } from '../catalog/types';
import { CatalogState } from '../operations/apply';
import { reverseOperations } from '../operations/reverse';
import type { Operation } from '../operations/types';
import type { LintFinding } from './types';

/** `a`, `a and b`, `a, b and c`. */
function and(items: readonly string[]): string {
  return items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

const TYPE_KINDS = new Set<Operation['kind']>([
  'drop_domain',
  'alter_domain',
  'drop_composite_type',
  'alter_composite_type',
  'drop_extension',
]);

export function userTypeFindings(ops: readonly Operation[], after: () => Catalog): LintFinding[] {
  if (!ops.some((op) => TYPE_KINDS.has(op.kind))) return [];
  let state: CatalogState;
  try {
    state = new CatalogState(after());
    for (const op of reverseOperations(ops)) state.apply(op);
    state = new CatalogState(state.snapshot());
  } catch {
    return []; // Operations that do not lead to `after` are reported elsewhere.
  }
  const findings: LintFinding[] = [];
  ops.forEach((op, operation) => {
    const add = (code: string, level: LintFinding['level'], message: string) =>
      findings.push({ code, level, message, operation });
    const columns = (name: string) =>
      state
        .typeUsers(name)
        .filter((u) => u.kind === 'column')
        .map((u) => u.name);
    const arrayColumns = (name: string) =>
      state.catalog.tables.flatMap((t) =>
        t.columns.filter((c) => c.type === `${name}[]`).map((c) => `${t.name}.${c.name}`),
      );
    switch (op.kind) {
      case 'drop_domain':
      case 'drop_composite_type': {
        const name = op.kind === 'drop_domain' ? op.domain.name : op.type.name;
        const word = op.kind === 'drop_domain' ? 'domain' : 'composite type';
        const users = state.typeUsers(name).map((u) => `${u.kind} ${u.name}`);
        if (users.length > 0) {
          add(
            'drop-type-in-use',
            'error',
            `Dropping ${word} ${name} fails: ${and(users)} still ${users.length === 1 ? 'uses' : 'use'} it.`,
          );
        }
        break;
      }
      case 'alter_domain': {
        const users = columns(op.after.name);
        const before = new Set(op.before.checks.map((k) => `${k.name}\0${k.expression}`));
        const added = op.after.checks.filter((k) => !before.has(`${k.name}\0${k.expression}`));
        const what = [
          ...(op.after.notNull && !op.before.notNull ? ['NOT NULL'] : []),
          ...added.map((k) => `CHECK (${k.expression})`),
        ];
        if (what.length > 0 && users.length > 0) {
          add(
            'domain-constraint-checks-rows',
            'warning',
            `Adding ${and(what)} to domain ${op.after.name} checks every row of ${and(users)}; one that does not pass makes the change fail.`,
          );
        }
        if (what.length > 0) {
          // Postgres checks a new domain constraint only on plain columns of the domain.
          const containers = [
            ...arrayColumns(op.after.name).map((c) => `${c}, an array of it`),
            ...state
              .typeUsers(op.after.name)
              .filter((u) => u.kind === 'composite type' && columns(u.name).length > 0)
              .map((u) => `composite type ${u.name}, which a column has`),
          ];
          if (containers.length > 0) {
            add(
              'domain-constraint-in-container',
              'error',
              `Adding ${and(what)} to domain ${op.after.name} fails: Postgres cannot check it inside ${and(containers)}.`,
            );
          }
        }
        break;
      }
      case 'alter_composite_type': {
        const users = columns(op.after.name);
        const kept = new Set(op.after.attributes.map((a) => a.name));
        const gone = op.before.attributes.filter((a) => !kept.has(a.name)).map((a) => a.name);
        const retyped = op.before.attributes
          .filter((a) => {
            const next = op.after.attributes.find((x) => x.name === a.name);
            return next !== undefined && (next.type !== a.type || next.collation !== a.collation);
          })
          .map((a) => a.name);
        if (users.length > 0 && retyped.length > 0) {
          add(
            'alter-attribute-in-use',
            'error',
            `Changing the type of attribute ${and(retyped)} of composite type ${op.after.name} fails: ${users.length === 1 ? 'column' : 'columns'} ${and(users)} ${users.length === 1 ? 'has' : 'have'} the type.`,
          );
        }
        if (users.length > 0 && gone.length > 0) {
          add(
            'DS103',
            'warning',
            `Dropping attribute ${and(gone)} of composite type ${op.after.name} deletes that part of every value of ${and(users)}.`,
          );
        }
        break;
      }
      case 'drop_extension':
        add(
          'drop-extension',
          'warning',
          `Dropping extension ${op.extension.name} fails while a column, index or function uses one of its types, operators or functions.`,
        );
        break;
      default:
        break;
    }
    try {
      state.apply(op);
    } catch {
      // The replay is only for usage; an operation that does not fit is reported elsewhere.
    }
  });
  return findings;
}
