import { type CatalogForeignKey, unqualifiedName } from '@retort/core';
import { pythonIdentifier, singularize } from '../names';
import { pythonString } from '../python';
import type { ModulePlan, TablePlan } from '../sqlalchemy';

/** One `relationship()` attribute line, before rendering. */
export interface RelationshipPlan {
  attr: string;
  annotation: string;
  args: string[];
}

/**
 * A `relationship()` pair with `back_populates` for each foreign key: the many-to-one side
 * on the referencing class (`order.user`), the one-to-many list on the referenced one
 * (`user.orders`). Two keys to the same table are told apart by `foreign_keys=`; a
 * self-reference says which side is remote by `remote_side=`.
 */
export function planRelationships(
  plan: ModulePlan,
  reserved: ReadonlySet<string>,
): Map<string, RelationshipPlan[]> {
  const byTable = new Map(plan.tables.map((t) => [t.table.name, t]));
  const result = new Map<string, RelationshipPlan[]>(plan.tables.map((t) => [t.table.name, []]));
  const taken = new Map<string, Set<string>>(
    plan.tables.map((t) => [t.table.name, new Set(t.columns.map((c) => c.attr))]),
  );
  const claim = (table: string, wanted: string): string => {
    const names = taken.get(table)!;
    let name = pythonIdentifier(wanted, reserved);
    for (let n = 2; names.has(name); n++) name = pythonIdentifier(`${wanted}_${n}`, reserved);
    names.add(name);
    return name;
  };

  for (const child of plan.tables) {
    for (const fk of child.table.foreignKeys) {
      const parent = byTable.get(fk.refTable);
      if (!parent) continue;
      const self = parent === child;
      // SQLAlchemy cannot pick the join when two keys link the same pair of tables,
      // in either direction (teams.lead_member_id and members.team_id).
      const linking = plan.tables.reduce(
        (n, t) =>
          n +
          t.table.foreignKeys.filter((k) =>
            self
              ? t === child && k.refTable === child.table.name
              : (t === child && k.refTable === parent.table.name) ||
                (t === parent && k.refTable === child.table.name),
          ).length,
        0,
      );
      const ambiguous = linking > 1;
      const childName = claim(child.table.name, manyToOneName(fk, ambiguous));
      const parentName = claim(
        parent.table.name,
        self || ambiguous
          ? `${childName}_${unqualifiedName(child.table.name)}`
          : unqualifiedName(child.table.name),
      );
      const fkColumns = `[${fk.columns.map((c) => `${child.className}.${attrOf(child, c)}`).join(', ')}]`;
      const optional = fk.columns.some(
        (c) => child.columns.find((p) => p.column.name === c)?.nullable,
      );

      const childArgs = [`back_populates=${pythonString(parentName)}`];
      if (ambiguous) childArgs.push(`foreign_keys=${pythonString(fkColumns)}`);
      if (self) {
        const remote = `[${fk.refColumns.map((c) => `${parent.className}.${attrOf(parent, c)}`).join(', ')}]`;
        childArgs.push(`remote_side=${pythonString(remote)}`);
      }
      const target = pythonString(parent.className);
      result.get(child.table.name)!.push({
        attr: childName,
        annotation: optional ? `Optional[${target}]` : target,
        args: [pythonString(parent.className), ...childArgs],
      });

      const parentArgs = [`back_populates=${pythonString(childName)}`];
      if (ambiguous) parentArgs.push(`foreign_keys=${pythonString(fkColumns)}`);
      result.get(parent.table.name)!.push({
        attr: parentName,
        annotation: `List[${pythonString(child.className)}]`,
        args: [pythonString(child.className), ...parentArgs],
      });
    }
  }
  return result;
}

function attrOf(table: TablePlan, column: string): string {
  return table.columns.find((c) => c.column.name === column)?.attr ?? column;
}

/**
 * `user_id` -> `user`; otherwise the referenced table in the singular (`sku` -> `product`),
 * prefixed by the column when two keys point at that table (`opened_by_user`).
 */
function manyToOneName(fk: CatalogForeignKey, ambiguous: boolean): string {
  const only = fk.columns.length === 1 ? fk.columns[0]! : null;
  if (only && /.+_id$/i.test(only)) return only.slice(0, -3);
  const words = unqualifiedName(fk.refTable).split('_');
  words.push(singularize(words.pop()!));
  const target = words.join('_');
  return only && ambiguous ? `${only}_${target}` : target;
}
