/**
 * `emitDrizzle`: the design as one `schema.ts` for `drizzle-orm/pg-core`.
 *
 * Every constraint carries its explicit name (Retort's resolved names: Postgres' defaults
 * for unnamed ones), because drizzle-kit otherwise invents its own (`orders_user_id_users_telegram_id_fk`)
 * and a later Retort migration would drop what is not there. Foreign keys are therefore
 * always `foreignKey({ name, ... })` in the table's third argument, never `.references()`,
 * which takes no name.
 *
 * BIGINT and BIGSERIAL use `{ mode: 'number' }`, what most drizzle schemas use: values past
 * 2^53 lose precision in a JS number; switch a column to `{ mode: 'bigint' }` when its ids
 * can grow that large. NUMERIC stays a string, DATE a `'YYYY-MM-DD'` string, TIMESTAMP a Date
 * (drizzle's defaults). Table and column comments are not written: drizzle has no way to
 * declare them.
 */
import {
  type Catalog,
  type CatalogColumn,
  type CatalogTable,
  type Design,
  otherTypeShape,
  parseCanonicalType,
  type ReferentialAction,
  splitQualifiedName,
  type TypeInfo,
  toCatalog,
} from '@retort/core';
import { camelCase } from '../names/case';
import { stringLiteral, templateText, uniqueIdentifier } from '../typescript/identifier';
import { type ModelNames, modelNames, type TableNames } from '../typescript/model';
import {
  checkValidityComment,
  collationComment,
  deferrableKeysComment,
  exclusionsComment,
  foreignKeyComment,
  hasIndexOptions,
  identitySequenceOptions,
  indexComment,
  indexCommentNote,
  objectsComment,
  partitionsComment,
  sequencePartsComment,
  userTypesComment,
  withObjectsComment,
  withoutPartitions,
} from '../typescript/unexpressed';
import { VIEW_KINDS, viewModels } from '../typescript/views';

/** Names the module imports or declares itself; tables and enums never take them. */
const MODULE_NAMES = [
  'sql',
  'relations',
  'pgTable',
  'pgSchema',
  'pgEnum',
  'pgSequence',
  'customType',
  'primaryKey',
  'foreignKey',
  'unique',
  'uniqueIndex',
  'index',
  'check',
  'bigint',
  'bigserial',
  'boolean',
  'char',
  'date',
  'doublePrecision',
  'inet',
  'integer',
  'interval',
  'json',
  'jsonb',
  'numeric',
  'real',
  'serial',
  'smallint',
  'smallserial',
  'text',
  'time',
  'timestamp',
  'uuid',
  'varchar',
  'bytea',
  'pgType',
  'PgTableExtraConfigValue',
];

const ACTIONS: Record<ReferentialAction, string> = {
  CASCADE: 'cascade',
  'SET NULL': 'set null',
  'SET DEFAULT': 'set default',
  RESTRICT: 'restrict',
  'NO ACTION': 'no action',
};

export function emitDrizzle(design: Design): string {
  return withObjectsComment(renderDrizzle(withoutPartitions(toCatalog(design))), [
    ...partitionsComment('Drizzle', design),
    ...userTypesComment('Drizzle', design),
    ...sequencePartsComment(design),
    ...exclusionsComment('Drizzle', design),
    ...deferrableKeysComment('Drizzle', design),
    ...objectsComment('Drizzle', design, '//', VIEW_KINDS),
  ]);
}

function renderDrizzle(catalog: Catalog): string {
  const enumNames = catalog.enums.map((e) => e.name);
  const taken = new Set(MODULE_NAMES);
  const enumConsts = new Map(
    catalog.enums.map((e) => [e.name, uniqueIdentifier(`${e.name}_enum`, taken)]),
  );
  const names = modelNames(catalog, taken);
  const imports = new Set<string>(['pgTable']);
  const typeImports = new Set<string>();
  const inCycle = tablesInForeignKeyCycles(catalog);
  let usesSql = false;
  let usesBytea = false;
  const passThrough = new Set<string>();

  const body: string[] = [];
  // A schema other than public is a `pgSchema`; its tables and enums are made through it.
  const schemaConsts = new Map(
    (catalog.schemas ?? []).map((s) => [s, uniqueIdentifier(`${s}_schema`, taken)]),
  );
  for (const [schema, constName] of schemaConsts) {
    imports.add('pgSchema');
    body.push(`export const ${constName} = pgSchema(${stringLiteral(schema)});`);
  }
  if (schemaConsts.size > 0) body.push('');
  /** `pgTable('users'` or `appSchema.table('users'`, and likewise for enums. */
  const maker = (qualified: string, inPublic: string, member: string) => {
    const { schema, name } = splitQualifiedName(qualified);
    const schemaConst = qualified.includes('.') ? schemaConsts.get(schema) : undefined;
    if (schemaConst === undefined) imports.add(inPublic);
    return {
      call: schemaConst === undefined ? inPublic : `${schemaConst}.${member}`,
      name,
    };
  };
  for (const e of catalog.enums) {
    const made = maker(e.name, 'pgEnum', 'enum');
    body.push(
      `export const ${enumConsts.get(e.name)} = ${made.call}(${stringLiteral(made.name)}, [${e.values.map(stringLiteral).join(', ')}]);`,
    );
  }
  if (catalog.enums.length > 0) body.push('');
  for (const q of catalog.sequences ?? []) {
    const made = maker(q.name, 'pgSequence', 'sequence');
    // A value past Number.MAX_SAFE_INTEGER stays exact as text.
    const value = (v: string) => (Number.isSafeInteger(Number(v)) ? v : stringLiteral(v));
    const options = [
      `startWith: ${value(q.start)}`,
      `increment: ${value(q.increment)}`,
      `minValue: ${value(q.minValue)}`,
      `maxValue: ${value(q.maxValue)}`,
      `cache: ${value(q.cache)}`,
      `cycle: ${q.cycle}`,
    ];
    body.push(
      `export const ${uniqueIdentifier(made.name, taken)} = ${made.call}(${stringLiteral(made.name)}, { ${options.join(', ')} });`,
    );
  }
  if ((catalog.sequences ?? []).length > 0) body.push('');

  for (const table of catalog.tables) {
    const tableNames = names.table(table.name);
    const singlePk = table.primaryKey?.columns.length === 1 ? table.primaryKey.columns[0]! : null;
    const inlineUnique = new Map<string, string>();
    for (const u of table.uniques) {
      const only = u.columns.length === 1 ? u.columns[0]! : null;
      if (only !== null && !inlineUnique.has(only)) inlineUnique.set(only, u.name);
    }
    const columnLines = table.columns.map((column) => {
      const type = parseCanonicalType(column.type, enumNames);
      if (type.base === 'BYTEA') usesBytea = true;
      if (type.base === 'OTHER' && !builtinOther(type)) passThrough.add(type.element);
      let builder = columnBuilder(column, type, imports, enumConsts);
      if (type.array) builder += '.array()';
      if (column.name === singlePk) builder += '.primaryKey()';
      else if (!column.nullable && !column.autoincrement) builder += '.notNull()';
      if (column.identity) {
        const options = identitySequenceOptions(column.identity, column.type);
        const call =
          column.identity.generation === 'ALWAYS'
            ? 'generatedAlwaysAsIdentity'
            : 'generatedByDefaultAsIdentity';
        builder += `.${call}(${options.length > 0 ? `{ ${options.map(([k, v]) => `${k}: ${v}`).join(', ')} }` : ''})`;
      }
      if (column.generated !== undefined) {
        usesSql = true;
        builder += `.generatedAlwaysAs(sql\`${templateText(column.generated)}\`)`;
      }
      if (column.default !== null) {
        if (column.default === 'now()') builder += '.defaultNow()';
        else {
          usesSql = true;
          builder += `.default(sql\`${templateText(column.default)}\`)`;
        }
      }
      const unique = inlineUnique.get(column.name);
      if (unique !== undefined) builder += `.unique(${stringLiteral(unique)})`;
      const collation = collationComment('Drizzle', table.name, column);
      const line = `    ${tableNames.properties.get(column.name)}: ${builder},`;
      return collation === null ? line : `    ${collation}\n${line}`;
    });
    const extras = extraConfig(table, tableNames, names, inlineUnique, imports);
    if (extras.some((line) => line.includes('sql`'))) usesSql = true;
    const made = maker(table.name, 'pgTable', 'table');
    const head = `export const ${tableNames.constName} = ${made.call}(\n  ${stringLiteral(made.name)},\n  {\n${columnLines.join('\n')}\n  }`;
    // In a foreign-key cycle TypeScript cannot infer the callback's type from the other
    // table's (which needs this one's): the annotation breaks the circle.
    const callback = inCycle.has(table.name) ? '(t): PgTableExtraConfigValue[] =>' : '(t) =>';
    if (inCycle.has(table.name)) typeImports.add('PgTableExtraConfigValue');
    body.push(
      extras.length === 0
        ? `${head},\n);`
        : `${head},\n  ${callback} [\n${extras.join('\n')}\n  ],\n);`,
    );
    body.push('');
  }

  const relationBlocks = renderRelations(catalog, names);
  body.push(...relationBlocks);

  // Views: `pgView(name, columns).as(sql\`query\`)`, the columns Postgres reported on import.
  for (const view of viewModels(catalog)) {
    const { schema, name } = splitQualifiedName(view.name);
    let schemaConst = view.name.includes('.') ? schemaConsts.get(schema) : undefined;
    if (view.name.includes('.') && schemaConst === undefined) {
      schemaConst = uniqueIdentifier(`${schema}_schema`, taken);
      schemaConsts.set(schema, schemaConst);
      imports.add('pgSchema');
      body.unshift(`export const ${schemaConst} = pgSchema(${stringLiteral(schema)});`, '');
    }
    const inPublic = view.materialized ? 'pgMaterializedView' : 'pgView';
    if (schemaConst === undefined) imports.add(inPublic);
    const call =
      schemaConst === undefined
        ? inPublic
        : `${schemaConst}.${view.materialized ? 'materializedView' : 'view'}`;
    const properties = new Set<string>();
    const columnLines = (view.columns ?? []).map((column) => {
      const type = parseCanonicalType(column.type, enumNames);
      if (type.base === 'BYTEA') usesBytea = true;
      if (type.base === 'OTHER' && !builtinOther(type)) passThrough.add(type.element);
      let builder = columnBuilder(column, type, imports, enumConsts);
      if (type.array) builder += '.array()';
      return `  ${uniqueIdentifier(column.name, properties)}: ${builder},`;
    });
    if (view.columns === null) {
      columnLines.push(
        '  // Its columns are not known until the view is read back from the database.',
      );
    }
    usesSql = true;
    body.push(
      `export const ${uniqueIdentifier(view.name.replace('.', '_'), taken)} = ${call}(${stringLiteral(name)}, {\n${columnLines.join('\n')}\n}).as(\n  sql\`${templateText(view.query)}\`,\n);`,
      '',
    );
  }

  const header: string[] = [];
  if (usesSql || relationBlocks.length > 0) {
    const orm = [relationBlocks.length > 0 ? 'relations' : null, usesSql ? 'sql' : null].filter(
      (n): n is string => n !== null,
    );
    header.push(`import { ${orm.join(', ')} } from 'drizzle-orm';`);
  }
  if (usesBytea || passThrough.size > 0) imports.add('customType');
  const key = (n: string): string => n.replace(/^type /, '').toLowerCase();
  const specifiers = [...imports, ...[...typeImports].map((n) => `type ${n}`)].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
  header.push(
    `import {\n${specifiers.map((n) => `  ${n},`).join('\n')}\n} from 'drizzle-orm/pg-core';`,
  );
  header.push('');
  if (usesBytea) {
    header.push(
      '// drizzle-orm/pg-core has no bytea builder; node-postgres reads bytea as a Buffer (a Uint8Array).',
      "const bytea = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });",
      '',
    );
  }
  if (passThrough.size > 0) {
    header.push(
      `// drizzle-orm/pg-core has no builder for ${[...passThrough].sort().join(', ')}: pgType keeps the`,
      "// type's Postgres spelling for drizzle-kit; what node-postgres returns for it depends on the type.",
      'const pgType = (spelling: string) =>',
      '  customType<{ data: unknown; driverData: unknown }>({ dataType: () => spelling });',
      '',
    );
  }
  return `${[...header, ...body].join('\n').trimEnd()}\n`;
}

/** Tables that reach themselves through foreign keys to other tables (a self-reference alone does not count). */
function tablesInForeignKeyCycles(catalog: Catalog): Set<string> {
  const targets = new Map(
    catalog.tables.map((t) => [
      t.name,
      t.foreignKeys.map((fk) => fk.refTable).filter((n) => n !== t.name),
    ]),
  );
  const result = new Set<string>();
  for (const start of targets.keys()) {
    const seen = new Set<string>();
    const stack = [...(targets.get(start) ?? [])];
    while (stack.length > 0) {
      const next = stack.pop()!;
      if (next === start) {
        result.add(start);
        break;
      }
      if (seen.has(next)) continue;
      seen.add(next);
      stack.push(...(targets.get(next) ?? []));
    }
  }
  return result;
}

function columnBuilder(
  column: CatalogColumn,
  type: TypeInfo,
  imports: Set<string>,
  enumConsts: Map<string, string>,
): string {
  const name = stringLiteral(column.name);
  const call = (fn: string, options?: string): string => {
    imports.add(fn);
    return options === undefined ? `${fn}(${name})` : `${fn}(${name}, ${options})`;
  };
  if (column.autoincrement) {
    switch (type.base) {
      case 'SMALLINT':
        return call('smallserial');
      case 'INTEGER':
        return call('serial');
      case 'BIGINT':
        return call('bigserial', "{ mode: 'number' }");
      default:
        throw new Error(`Column "${column.name}" is autoincrement but of type ${column.type}.`);
    }
  }
  switch (type.base) {
    case 'SMALLINT':
      return call('smallint');
    case 'INTEGER':
      return call('integer');
    case 'BIGINT':
      return call('bigint', "{ mode: 'number' }");
    case 'NUMERIC': {
      const parts = [
        type.precision === undefined ? null : `precision: ${type.precision}`,
        type.scale === undefined ? null : `scale: ${type.scale}`,
      ].filter((p): p is string => p !== null);
      return call('numeric', parts.length === 0 ? undefined : `{ ${parts.join(', ')} }`);
    }
    case 'REAL':
      return call('real');
    case 'DOUBLE PRECISION':
      return call('doublePrecision');
    case 'BOOLEAN':
      return call('boolean');
    case 'VARCHAR':
      return call('varchar', type.length === undefined ? undefined : `{ length: ${type.length} }`);
    case 'CHAR':
      return call('char', type.length === undefined ? undefined : `{ length: ${type.length} }`);
    case 'TEXT':
      return call('text');
    case 'DATE':
      return call('date');
    case 'TIME':
      return call('time');
    case 'TIMESTAMP':
      return call('timestamp');
    case 'TIMESTAMPTZ':
      return call('timestamp', '{ withTimezone: true }');
    case 'INTERVAL':
      return call('interval');
    case 'UUID':
      return call('uuid');
    case 'JSON':
      return call('json');
    case 'JSONB':
      return call('jsonb');
    case 'BYTEA':
      return `bytea(${name})`;
    case 'INET':
      return call('inet');
    case 'ENUM':
      return `${enumConsts.get(type.enumName!)}(${name})`;
    case 'OTHER':
      return otherBuilder(type, name, call);
  }
}

/** A pass-through type with a pg-core builder: the time family with a precision. */
function builtinOther(type: TypeInfo): boolean {
  const shape = otherTypeShape(type.element);
  return shape.family === 'timestamp' || shape.family === 'time' || shape.family === 'interval';
}

function otherBuilder(
  type: TypeInfo,
  name: string,
  call: (fn: string, options?: string) => string,
): string {
  const shape = otherTypeShape(type.element);
  const options = (parts: (string | null)[]) => {
    const set = parts.filter((p): p is string => p !== null);
    return set.length === 0 ? undefined : `{ ${set.join(', ')} }`;
  };
  if (shape.family === 'timestamp' || shape.family === 'time') {
    return call(
      shape.family,
      options([
        shape.precision === null ? null : `precision: ${shape.precision}`,
        shape.timezone ? 'withTimezone: true' : null,
      ]),
    );
  }
  if (shape.family === 'interval') {
    return call(
      'interval',
      options([
        shape.fields === null ? null : `fields: ${stringLiteral(shape.fields)}`,
        shape.precision === null ? null : `precision: ${shape.precision}`,
      ]),
    );
  }
  return `pgType(${stringLiteral(type.element)})(${name})`;
}

function extraConfig(
  table: CatalogTable,
  tableNames: TableNames,
  names: ModelNames,
  inlineUnique: Map<string, string>,
  imports: Set<string>,
): string[] {
  const own = (column: string): string => `t.${tableNames.properties.get(column)}`;
  const lines: string[] = [];
  if (table.primaryKey !== null && table.primaryKey.columns.length > 1) {
    imports.add('primaryKey');
    lines.push(
      `    primaryKey({ name: ${stringLiteral(table.primaryKey.name)}, columns: [${table.primaryKey.columns.map(own).join(', ')}] }),`,
    );
  }
  for (const fk of table.foreignKeys) {
    imports.add('foreignKey');
    const target = names.table(fk.refTable);
    // The table's own columns come from `t`: naming the table inside its own initialiser
    // would make its type circular.
    const ref = (column: string): string =>
      fk.refTable === table.name
        ? own(column)
        : `${target.constName}.${target.properties.get(column)}`;
    let line = `    foreignKey({\n      name: ${stringLiteral(fk.name)},\n      columns: [${fk.columns.map(own).join(', ')}],\n      foreignColumns: [${fk.refColumns.map(ref).join(', ')}],\n    })`;
    if (fk.onDelete !== 'NO ACTION') line += `.onDelete(${stringLiteral(ACTIONS[fk.onDelete])})`;
    if (fk.onUpdate !== 'NO ACTION') line += `.onUpdate(${stringLiteral(ACTIONS[fk.onUpdate])})`;
    const note = foreignKeyComment('Drizzle', fk);
    if (note !== null) lines.push(`    ${note}`);
    lines.push(`${line},`);
  }
  for (const u of table.uniques) {
    if (u.columns.length === 1 && inlineUnique.get(u.columns[0]!) === u.name) continue;
    imports.add('unique');
    lines.push(`    unique(${stringLiteral(u.name)}).on(${u.columns.map(own).join(', ')}),`);
  }
  for (const k of table.checks) {
    imports.add('check');
    const note = checkValidityComment('Drizzle', k);
    if (note !== null) lines.push(`    ${note}`);
    lines.push(`    check(${stringLiteral(k.name)}, sql\`${templateText(k.expression)}\`),`);
  }
  for (const i of table.indexes) {
    const note = indexCommentNote('Drizzle', i);
    if (note !== null) lines.push(`    ${note}`);
    if (hasIndexOptions(i)) {
      lines.push(`    ${indexComment('This Drizzle model', i)}`);
      continue;
    }
    const fn = i.unique ? 'uniqueIndex' : 'index';
    imports.add(fn);
    lines.push(`    ${fn}(${stringLiteral(i.name)}).on(${i.columns.map(own).join(', ')}),`);
  }
  return lines;
}

function renderRelations(catalog: Catalog, names: ModelNames): string[] {
  const blocks: string[] = [];
  const taken = new Set<string>([
    ...MODULE_NAMES,
    ...[...names.tables.values()].map((t) => t.constName),
  ]);
  for (const table of catalog.tables) {
    const ends = names.relations.get(table.name) ?? [];
    if (ends.length === 0) continue;
    const self = names.table(table.name);
    const helpers = [
      ends.some((e) => e.kind === 'one') ? 'one' : null,
      ends.some((e) => e.kind === 'many') ? 'many' : null,
    ]
      .filter((n): n is string => n !== null)
      .join(', ');
    const lines = ends.map((end) => {
      const fk = end.foreignKey;
      if (end.kind === 'many') {
        const from = names.table(end.fromTable);
        return `  ${end.property}: many(${from.constName}, { relationName: ${stringLiteral(fk.name)} }),`;
      }
      const to = names.table(end.toTable);
      const fields = fk.columns
        .map((c) => `${self.constName}.${self.properties.get(c)}`)
        .join(', ');
      const refs = fk.refColumns.map((c) => `${to.constName}.${to.properties.get(c)}`).join(', ');
      return `  ${end.property}: one(${to.constName}, {\n    fields: [${fields}],\n    references: [${refs}],\n    relationName: ${stringLiteral(fk.name)},\n  }),`;
    });
    const constName = uniqueIdentifier(`${camelCase(self.constName)}_relations`, taken);
    blocks.push(
      `export const ${constName} = relations(${self.constName}, ({ ${helpers} }) => ({\n${lines.join('\n')}\n}));`,
      '',
    );
  }
  return blocks;
}
