/**
 * Validation of domains, composite types and extensions: one sentence per problem, naming
 * the object. Types share one namespace per schema with enums and tables' row types.
 */

import { describeUnknownType, normalizeColumnType } from '../design/type-names';
import type { Design } from '../design/types';
import type { Problem } from '../errors';
import { expressionColumns } from '../expression/canonical';
import { isSingleExpression } from '../expression/parse';
import { identifierBytes, MAX_IDENTIFIER_BYTES } from '../naming/postgres-names';
import { objectQualifiedName, schemaNameProblem } from '../naming/qualified-names';

export function checkUserTypes(design: Design): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => problems.push({ path, message });
  const enumNames = design.enums.map(objectQualifiedName);
  const ids = new Set<string>([
    ...design.enums.map((e) => e.id),
    ...design.tables.flatMap((t) => [t.id, ...t.columns.map((c) => c.id)]),
  ]);
  const claimId = (id: string, path: string, what: string) => {
    if (id === '') add(`${path}.id`, `${what} has no id.`);
    else if (ids.has(id)) add(`${path}.id`, `${what} has id "${id}", which is already used.`);
    ids.add(id);
  };
  const name = (value: string, path: string, what: string) => {
    if (value.trim() === '') add(path, `${what} has an empty name.`);
    else if (identifierBytes(value) > MAX_IDENTIFIER_BYTES) {
      add(
        path,
        `${what} has a name longer than ${MAX_IDENTIFIER_BYTES} bytes; Postgres would cut it short.`,
      );
    }
  };
  const schema = (value: string | undefined, path: string, what: string) => {
    if (value === undefined) return;
    const problem = schemaNameProblem(value);
    if (problem !== null) add(`${path}.schema`, `${what}: ${problem}`);
  };
  const typeNames = new Map<string, string>([
    ...enumNames.map((n) => [n, `enum "${n}"`] as const),
    ...design.tables.map(
      (t) => [objectQualifiedName(t), `table "${objectQualifiedName(t)}"`] as const,
    ),
  ]);
  const claimType = (qualified: string, path: string, what: string) => {
    const first = typeNames.get(qualified);
    if (first !== undefined) {
      add(
        `${path}.name`,
        `${what} has the name of ${first}; Postgres keeps types in one namespace per schema.`,
      );
    } else typeNames.set(qualified, what);
  };
  const columnType = (type: string, path: string, what: string) => {
    if (type.trim() === '') add(path, `${what} has no type.`);
    else if (normalizeColumnType(type, enumNames) === null) {
      add(path, `${what}: ${describeUnknownType(type)}`);
    }
  };
  const expression = (sql: string, path: string, what: string): boolean => {
    const problem = isSingleExpression(sql);
    if (problem !== null) add(path, `${what} ${JSON.stringify(sql)} ${problem}`);
    return problem === null;
  };

  (design.domains ?? []).forEach((d, i) => {
    const path = `domains[${i}]`;
    const what = `domain "${objectQualifiedName(d)}"`;
    claimId(d.id, path, what);
    name(d.name, `${path}.name`, 'A domain');
    schema(d.schema, path, what);
    claimType(objectQualifiedName(d), path, what);
    columnType(d.type, `${path}.type`, what);
    if (d.collation !== undefined && d.collation.trim() === '') {
      add(`${path}.collation`, `${what} has an empty collation; leave it out for the default.`);
    }
    if (
      d.default !== null &&
      expression(d.default.sql, `${path}.default.sql`, `${what} has default`)
    ) {
      if (expressionColumns(d.default.sql).length > 0) {
        add(
          `${path}.default.sql`,
          `${what} has default ${JSON.stringify(d.default.sql)}, which names a column; a default cannot.`,
        );
      }
    }
    const checkNames = new Set<string>();
    d.checks.forEach((k, j) => {
      const at = `${path}.checks[${j}]`;
      if (k.name !== null) {
        name(k.name, `${at}.name`, `A check of ${what}`);
        if (checkNames.has(k.name)) add(`${at}.name`, `${what} has two checks named "${k.name}".`);
        checkNames.add(k.name);
      }
      if (expression(k.expression, `${at}.expression`, `${what} has check`)) {
        const other = expressionColumns(k.expression).filter((c) => c !== 'value');
        if (other.length > 0) {
          add(
            `${at}.expression`,
            `${what} has check ${JSON.stringify(k.expression)} naming ${other.map((c) => `"${c}"`).join(', ')}; a domain check can use only VALUE.`,
          );
        }
      }
    });
  });

  (design.compositeTypes ?? []).forEach((t, i) => {
    const path = `compositeTypes[${i}]`;
    const what = `composite type "${objectQualifiedName(t)}"`;
    claimId(t.id, path, what);
    name(t.name, `${path}.name`, 'A composite type');
    schema(t.schema, path, what);
    claimType(objectQualifiedName(t), path, what);
    const seen = new Set<string>();
    t.attributes.forEach((a, j) => {
      const at = `${path}.attributes[${j}]`;
      name(a.name, `${at}.name`, `An attribute of ${what}`);
      if (seen.has(a.name)) add(`${at}.name`, `${what} has two attributes named "${a.name}".`);
      seen.add(a.name);
      columnType(a.type, `${at}.type`, `attribute "${a.name}" of ${what}`);
      if (a.type === objectQualifiedName(t) || a.type === `${objectQualifiedName(t)}[]`) {
        add(
          `${at}.type`,
          `attribute "${a.name}" of ${what} is of that type itself; Postgres cannot make such a type.`,
        );
      }
    });
  });

  const extensions = new Set<string>();
  (design.extensions ?? []).forEach((e, i) => {
    const path = `extensions[${i}]`;
    const what = `extension "${e.name}"`;
    name(e.name, `${path}.name`, 'An extension');
    schema(e.schema, path, what);
    if (extensions.has(e.name)) add(`${path}.name`, `${what} is listed twice.`);
    extensions.add(e.name);
  });
  return problems;
}

/** Domain base types and attribute types in their canonical spelling, as columns' are. */
export function normalizeUserTypes(design: Design): Pick<Design, 'domains' | 'compositeTypes'> {
  const enumNames = design.enums.map(objectQualifiedName);
  const spell = (type: string) => normalizeColumnType(type, enumNames) ?? type;
  return {
    ...(design.domains
      ? { domains: design.domains.map((d) => ({ ...d, type: spell(d.type) })) }
      : {}),
    ...(design.compositeTypes
      ? {
          compositeTypes: design.compositeTypes.map((t) => ({
            ...t,
            attributes: t.attributes.map((a) => ({ ...a, type: spell(a.type) })),
          })),
        }
      : {}),
  };
}
