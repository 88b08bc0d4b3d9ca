/**
 * `emitTypeorm` / `emitTypeormFiles`: the design as TypeORM entity classes, in one module
 * or one file per entity.
 *
 * Every constraint carries Retort's resolved name (`primaryKeyConstraintName`,
 * `foreignKeyConstraintName`, `@Unique(name)`, `@Index(name)`, `@Check(name)`): TypeORM
 * otherwise names them by hash (`PK_a3ffb1c0c8416b9fc6f907b7433`), and later migrations
 * would not find them.
 *
 * Property types are what TypeORM hands back from node-postgres: BIGINT and NUMERIC as
 * `string` (they may not fit a JS number), DATE as a `'YYYY-MM-DD'` string (TypeORM formats
 * it), TIMESTAMP/TIMESTAMPTZ as `Date`, JSON as `unknown`, BYTEA as `Buffer`.
 *
 * Relation properties are typed `Relation<T>` so that `emitDecoratorMetadata` does not
 * reference a class before its module has run (TypeORM's own advice for ESM).
 *
 * TypeORM requires a primary key on every entity, so a table without one gets no class,
 * only a comment saying so.
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
import { pascalCase, words } from '../names/case';
import { identityClause } from '../sql/render';
import { stringLiteral, templateText, uniqueIdentifier } from '../typescript/identifier';
import { type ModelNames, modelNames, type RelationEnd } from '../typescript/model';
import { POSTGRES_INTERVAL_FIELDS } from '../typescript/postgres-interval';
import { arrayOf, readType } from '../typescript/read-type';
import {
  checkValidityComment,
  deferrableKeysComment,
  exclusionsComment,
  foreignKeyComment,
  hasIndexOptions,
  identityOptionsComment,
  indexComment,
  indexCommentNote,
  objectsComment,
  partitionsComment,
  readableColumnType,
  sequencesComment,
  userTypesComment,
  withoutPartitions,
} from '../typescript/unexpressed';
import { VIEW_KINDS, type ViewModel, viewModels } from '../typescript/views';

const TYPEORM_NAMES = [
  'Check',
  'ViewColumn',
  'ViewEntity',
  'Column',
  'Entity',
  'Generated',
  'Index',
  'JoinColumn',
  'ManyToOne',
  'OneToMany',
  'PrimaryColumn',
  'PrimaryGeneratedColumn',
  'Relation',
  'Unique',
  'PostgresInterval',
  'Buffer',
  'Date',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Array',
  'Promise',
  'Record',
];

const INTERVAL_TYPE = [
  '/** What node-postgres returns for INTERVAL (a postgres-interval object); TypeORM passes it on. */',
  'export interface PostgresInterval {',
  ...POSTGRES_INTERVAL_FIELDS,
  '}',
];

interface EntityModule {
  /** The table mapped; null for a view's `@ViewEntity`. */
  table: CatalogTable | null;
  className: string;
  /** File name in `emitTypeormFiles` (`order-product.entity.ts`). */
  fileName: string;
  /** The class (or, for a table without a primary key, the comment). */
  code: string;
  decorators: Set<string>;
  /** Other entity classes the code refers to. */
  entities: Set<string>;
  enums: Set<string>;
  usesInterval: boolean;
}

interface Plan {
  modules: EntityModule[];
  enumTypes: Map<string, string>;
  enumBlocks: Map<string, string>;
}

export function emitTypeorm(design: Design): string {
  const plan = planEntities(withoutPartitions(toCatalog(design)));
  const decorators = new Set<string>();
  for (const m of plan.modules) for (const d of m.decorators) decorators.add(d);
  const out: string[] = [importLine(decorators), ''];
  for (const block of plan.enumBlocks.values()) out.push(block, '');
  if (plan.modules.some((m) => m.usesInterval)) out.push(...INTERVAL_TYPE, '');
  for (const m of plan.modules) out.push(m.code, '');
  out.push(
    ...partitionsComment('TypeORM', design),
    ...userTypesComment('TypeORM', design),
    ...sequencesComment('TypeORM', design),
    ...exclusionsComment('TypeORM', design),
    ...deferrableKeysComment('TypeORM', design),
    ...objectsComment('TypeORM', design, '//', VIEW_KINDS),
  );
  return `${out.join('\n').trimEnd()}\n`;
}

/**
 * One file per entity (`user.entity.ts`), `enums.ts` with the enum types, `types.ts` when
 * an INTERVAL needs its type, and `index.ts` re-exporting every entity.
 */
export function emitTypeormFiles(design: Design): Record<string, string> {
  const plan = planEntities(withoutPartitions(toCatalog(design)));
  const files: Record<string, string> = {};
  if (plan.enumBlocks.size > 0)
    files['enums.ts'] = `${[...plan.enumBlocks.values()].join('\n\n')}\n`;
  if (plan.modules.some((m) => m.usesInterval)) files['types.ts'] = `${INTERVAL_TYPE.join('\n')}\n`;
  const byClass = new Map(plan.modules.map((m) => [m.className, m]));
  for (const m of plan.modules) {
    // A table without a primary key has no entity: its comment goes to index.ts instead.
    if (m.decorators.size === 0) continue;
    const lines: string[] = [importLine(m.decorators)];
    if (m.enums.size > 0) {
      lines.push(`import type { ${[...m.enums].sort().join(', ')} } from './enums';`);
    }
    if (m.usesInterval) lines.push("import type { PostgresInterval } from './types';");
    for (const other of [...m.entities].sort()) {
      if (other === m.className) continue;
      lines.push(
        `import { ${other} } from './${byClass.get(other)!.fileName.replace(/\.ts$/, '')}';`,
      );
    }
    files[m.fileName] = `${lines.length > 0 ? `${lines.join('\n')}\n\n` : ''}${m.code}\n`;
  }
  const exported = plan.modules.filter((m) => m.decorators.size > 0);
  const index = exported.map(
    (m) => `export { ${m.className} } from './${m.fileName.replace(/\.ts$/, '')}';`,
  );
  if (plan.enumBlocks.size > 0)
    index.unshift(
      `export type { ${[...plan.enumTypes.values()].sort().join(', ')} } from './enums';`,
    );
  if (plan.modules.some((m) => m.usesInterval))
    index.unshift("export type { PostgresInterval } from './types';");
  for (const m of plan.modules) if (m.decorators.size === 0) index.push('', m.code);
  const partitions = partitionsComment('TypeORM', design);
  if (partitions.length > 0) index.push('', ...partitions);
  files['index.ts'] = `${index.join('\n')}\n`;
  return files;
}

function importLine(decorators: Set<string>): string {
  const names = [...decorators].sort().map((n) => (n === 'Relation' ? 'type Relation' : n));
  return `import { ${names.join(', ')} } from 'typeorm';`;
}

function planEntities(catalog: Catalog): Plan {
  const taken = new Set(TYPEORM_NAMES);
  const enumTypes = new Map(
    catalog.enums.map((e) => [e.name, uniqueIdentifier(e.name, taken, pascalCase)]),
  );
  const enumBlocks = new Map(
    catalog.enums.map((e) => [
      e.name,
      `export type ${enumTypes.get(e.name)} = ${e.values.map(stringLiteral).join(' | ')};`,
    ]),
  );
  const names = modelNames(catalog, taken);
  const mapped = new Set(catalog.tables.filter((t) => t.primaryKey !== null).map((t) => t.name));
  const enumValues = new Map(catalog.enums.map((e) => [e.name, e.values]));
  const fileNames = new Set<string>();
  const modules = catalog.tables.map((table): EntityModule => {
    const className = names.table(table.name).className;
    let fileName = `${words(className)
      .map((w) => w.toLowerCase())
      .join('-')}.entity.ts`;
    for (let n = 2; fileNames.has(fileName); n++)
      fileName = fileName.replace(/(\d*)\.entity\.ts$/, `${n}.entity.ts`);
    fileNames.add(fileName);
    const module: EntityModule = {
      table,
      className,
      fileName,
      code: '',
      decorators: new Set(),
      entities: new Set(),
      enums: new Set(),
      usesInterval: false,
    };
    if (!mapped.has(table.name)) {
      module.code = [
        `// Table ${stringLiteral(table.name)} has no primary key, and TypeORM requires one on every`,
        '// entity, so it has no class here. Add a primary key to the design to map it.',
      ].join('\n');
      return module;
    }
    module.code = renderEntity(table, module, names, mapped, enumTypes, enumValues, catalog);
    return module;
  });
  for (const view of viewModels(catalog)) {
    const className = uniqueIdentifier(view.name.replace('.', '_'), taken, pascalCase);
    let fileName = `${words(className)
      .map((w) => w.toLowerCase())
      .join('-')}.view.ts`;
    for (let n = 2; fileNames.has(fileName); n++)
      fileName = fileName.replace(/(\d*)\.view\.ts$/, `${n}.view.ts`);
    fileNames.add(fileName);
    const module: EntityModule = {
      table: null,
      className,
      fileName,
      code: '',
      decorators: new Set(['ViewEntity']),
      entities: new Set(),
      enums: new Set(),
      usesInterval: false,
    };
    module.code = renderViewEntity(
      view,
      module,
      enumTypes,
      catalog.enums.map((e) => e.name),
    );
    modules.push(module);
  }
  return { modules, enumTypes, enumBlocks };
}

/** `@ViewEntity({ expression })` with a `@ViewColumn` for each column Postgres reported. */
function renderViewEntity(
  view: ViewModel,
  module: EntityModule,
  enumTypes: Map<string, string>,
  enumNames: readonly string[],
): string {
  const { schema, name } = splitQualifiedName(view.name);
  const options = [
    `name: ${stringLiteral(name)}`,
    ...(view.name.includes('.') ? [`schema: ${stringLiteral(schema)}`] : []),
    ...(view.materialized ? ['materialized: true'] : []),
    `expression: \`${templateText(view.query)}\``,
  ];
  const lines = [
    `@ViewEntity({\n  ${options.join(',\n  ')},\n})`,
    `export class ${module.className} {`,
  ];
  if (view.columns === null) {
    lines.push('  // Its columns are not known until the view is read back from the database.');
  }
  const properties = new Set<string>();
  for (const column of view.columns ?? []) {
    const type = parseCanonicalType(column.type, enumNames);
    if (type.base === 'ENUM') module.enums.add(enumTypes.get(type.enumName!)!);
    if (type.base === 'INTERVAL') module.usesInterval = true;
    module.decorators.add('ViewColumn');
    if (properties.size > 0) lines.push('');
    lines.push(
      `  @ViewColumn({ name: ${stringLiteral(column.name)} })`,
      `  ${uniqueIdentifier(column.name, properties)}!: ${propertyType(type, enumTypes)} | null;`,
    );
  }
  lines.push('}');
  return lines.join('\n');
}

function renderEntity(
  table: CatalogTable,
  module: EntityModule,
  names: ModelNames,
  mapped: Set<string>,
  enumTypes: Map<string, string>,
  enumValues: Map<string, string[]>,
  catalog: Catalog,
): string {
  const use = (decorator: string): string => {
    module.decorators.add(decorator);
    return decorator;
  };
  const self = names.table(table.name);
  const prop = (column: string): string => stringLiteral(self.properties.get(column)!);
  const lines: string[] = [];
  const { schema, name: bare } = splitQualifiedName(table.name);
  const entityOptions = [`name: ${stringLiteral(bare)}`];
  if (table.name.includes('.')) entityOptions.push(`schema: ${stringLiteral(schema)}`);
  if (table.comment !== null) entityOptions.push(`comment: ${stringLiteral(table.comment)}`);
  lines.push(`@${use('Entity')}({ ${entityOptions.join(', ')} })`);
  for (const u of table.uniques) {
    lines.push(`@${use('Unique')}(${stringLiteral(u.name)}, [${u.columns.map(prop).join(', ')}])`);
  }
  for (const i of table.indexes) {
    const note = indexCommentNote('TypeORM', i);
    if (note !== null) lines.push(note);
    if (hasIndexOptions(i)) {
      lines.push(indexComment('This TypeORM entity', i));
      continue;
    }
    const options = i.unique ? ', { unique: true }' : '';
    lines.push(
      `@${use('Index')}(${stringLiteral(i.name)}, [${i.columns.map(prop).join(', ')}]${options})`,
    );
  }
  for (const k of table.checks) {
    const note = checkValidityComment('TypeORM', k);
    if (note !== null) lines.push(note);
    lines.push(`@${use('Check')}(${stringLiteral(k.name)}, ${stringLiteral(k.expression)})`);
  }
  lines.push(`export class ${self.className} {`);

  const members: string[] = [];
  const pk = table.primaryKey!;
  const enumNames = [...enumValues.keys()];
  for (const column of table.columns) {
    const type = parseCanonicalType(column.type, enumNames);
    if (type.base === 'INTERVAL') module.usesInterval = true;
    if (type.enum) module.enums.add(enumTypes.get(type.enumName!)!);
    const options = columnOptions(column, type, enumValues);
    const isPk = pk.columns.includes(column.name);
    const decorators: string[] = [];
    if (type.base === 'OTHER' && options.some((o) => o.endsWith(' as never'))) {
      decorators.push(
        `// TypeORM has no column type for ${type.element}: its Postgres spelling goes to the DDL as it is.`,
      );
    }
    for (const comment of [
      identityOptionsComment('TypeORM', table.name, column),
      column.identity && isPk && pk.columns.length > 1
        ? `// TypeORM cannot express the identity of ${table.name}.${column.name} in a composite primary key: ${identityClause(column.identity, column.type)}.`
        : null,
    ]) {
      if (comment !== null) decorators.push(comment);
    }
    if (isPk && column.identity && pk.columns.length === 1) {
      // PrimaryGeneratedColumn('identity') takes no type: TypeORM makes it integer unless told.
      decorators.push(
        `@${use('PrimaryGeneratedColumn')}('identity', { name: ${stringLiteral(column.name)}, type: ${stringLiteral(column.type.toLowerCase())}, generatedIdentity: ${stringLiteral(column.identity.generation)}, primaryKeyConstraintName: ${stringLiteral(pk.name)} })`,
      );
    } else if (isPk) {
      options.push(`primaryKeyConstraintName: ${stringLiteral(pk.name)}`);
      if (column.autoincrement)
        decorators.push(
          `@${use('PrimaryGeneratedColumn')}('increment', { ${options.join(', ')} })`,
        );
      else decorators.push(`@${use('PrimaryColumn')}({ ${options.join(', ')} })`);
    } else {
      if (column.identity) {
        options.push(
          "generated: 'identity'",
          `generatedIdentity: ${stringLiteral(column.identity.generation)}`,
        );
      }
      decorators.push(`@${use('Column')}({ ${options.join(', ')} })`);
      if (column.autoincrement) decorators.push(`@${use('Generated')}('increment')`);
    }
    const element = propertyType(
      parseCanonicalType(readableColumnType(column.type, catalog), enumNames),
      enumTypes,
    );
    const tsType =
      column.nullable && !isPk && element !== 'unknown' ? `${element} | null` : element;
    members.push(
      [...decorators, `${self.properties.get(column.name)}!: ${tsType};`]
        .map((l) => `  ${l}`)
        .join('\n'),
    );
  }
  for (const end of names.relations.get(table.name) ?? []) {
    if (!mapped.has(end.fromTable) || !mapped.has(end.toTable)) continue;
    members.push(renderRelation(end, names, module, use));
  }
  lines.push(members.join('\n\n'));
  lines.push('}');
  return lines.join('\n');
}

const ACTIONS: Record<ReferentialAction, string> = {
  CASCADE: "'CASCADE'",
  'SET NULL': "'SET NULL'",
  // TypeORM's OnDeleteType lacks SET DEFAULT, but it writes the action into the DDL as given.
  'SET DEFAULT': "'SET DEFAULT' as 'DEFAULT'",
  RESTRICT: "'RESTRICT'",
  'NO ACTION': "'NO ACTION'",
};

function renderRelation(
  end: RelationEnd,
  names: ModelNames,
  module: EntityModule,
  use: (decorator: string) => string,
): string {
  const fk = end.foreignKey;
  const from = names.table(end.fromTable);
  const to = names.table(end.toTable);
  use('Relation');
  if (end.kind === 'many') {
    module.entities.add(from.className);
    const param = uniqueIdentifier(from.className, new Set());
    return [
      `  @${use('OneToMany')}(() => ${from.className}, (${param}) => ${param}.${end.inverse})`,
      `  ${end.property}!: Relation<${from.className}>[];`,
    ].join('\n');
  }
  module.entities.add(to.className);
  const param = uniqueIdentifier(to.className, new Set());
  const nullable = fk.columns.some(
    (c) => from.table.columns.find((col) => col.name === c)!.nullable,
  );
  const options = [`onDelete: ${ACTIONS[fk.onDelete]}`, `onUpdate: ${ACTIONS[fk.onUpdate]}`];
  if (!nullable) options.push('nullable: false');
  if (fk.deferrable) {
    options.push(
      `deferrable: '${fk.initiallyDeferred ? 'INITIALLY DEFERRED' : 'INITIALLY IMMEDIATE'}'`,
    );
  }
  const note = fk.match || fk.notValid ? foreignKeyComment('TypeORM', fk) : null;
  const joins = fk.columns.map(
    (c, i) =>
      `{ name: ${stringLiteral(c)}, referencedColumnName: ${stringLiteral(to.properties.get(fk.refColumns[i]!)!)}, foreignKeyConstraintName: ${stringLiteral(fk.name)} }`,
  );
  const join = joins.length === 1 ? joins[0]! : `[\n    ${joins.join(',\n    ')},\n  ]`;
  return [
    ...(note === null ? [] : [`  ${note}`]),
    `  @${use('ManyToOne')}(() => ${to.className}, (${param}) => ${param}.${end.inverse}, { ${options.join(', ')} })`,
    `  @${use('JoinColumn')}(${join})`,
    `  ${end.property}!: Relation<${to.className}>${nullable ? ' | null' : ''};`,
  ].join('\n');
}

function columnOptions(
  column: CatalogColumn,
  type: TypeInfo,
  enumValues: Map<string, string[]>,
): string[] {
  const options = [`name: ${stringLiteral(column.name)}`];
  if (type.enum) {
    options.push(
      "type: 'enum'",
      `enum: [${enumValues.get(type.enumName!)!.map(stringLiteral).join(', ')}]`,
      `enumName: ${stringLiteral(type.enumName!)}`,
    );
  } else if (type.base === 'OTHER') {
    options.push(...otherTypeOptions(type));
  } else {
    options.push(`type: ${stringLiteral(type.base.toLowerCase())}`);
    if (type.length !== undefined) options.push(`length: ${type.length}`);
    if (type.precision !== undefined) options.push(`precision: ${type.precision}`);
    if (type.scale !== undefined) options.push(`scale: ${type.scale}`);
  }
  if (type.array) options.push('array: true');
  if (column.nullable) options.push('nullable: true');
  if (column.default !== null) options.push(`default: () => ${stringLiteral(column.default)}`);
  if (column.comment !== null) options.push(`comment: ${stringLiteral(column.comment)}`);
  if (column.collation !== undefined) options.push(`collation: ${stringLiteral(column.collation)}`);
  if (column.generated !== undefined) {
    options.push(`asExpression: ${stringLiteral(column.generated)}`, "generatedType: 'STORED'");
  }
  return options;
}

/** Pass-through types TypeORM's `ColumnType` names as Postgres spells them. */
const TYPEORM_NAMED = new Set([
  'money',
  'citext',
  'hstore',
  'point',
  'line',
  'lseg',
  'box',
  'circle',
  'path',
  'polygon',
  'int4range',
  'int8range',
  'numrange',
  'tsrange',
  'tstzrange',
  'daterange',
  'cidr',
  'macaddr',
  'macaddr8',
  'tsvector',
  'tsquery',
  'xml',
  'jsonpath',
  'cube',
  'ltree',
  'geometry',
  'geography',
]);

/** A type with no TypeORM `ColumnType`: its spelling goes to the DDL as it is. */
export function typeormCannotName(type: TypeInfo): boolean {
  const shape = otherTypeShape(type.element);
  return (
    shape.family === 'named' &&
    !(shape.schema === null && shape.args === null && TYPEORM_NAMED.has(shape.name))
  );
}

function otherTypeOptions(type: TypeInfo): string[] {
  const shape = otherTypeShape(type.element);
  switch (shape.family) {
    case 'timestamp':
    case 'time': {
      const name = `${shape.family}${shape.timezone ? ' with time zone' : ''}`;
      const options = [`type: ${stringLiteral(name)}`];
      if (shape.precision !== null) options.push(`precision: ${shape.precision}`);
      return options;
    }
    case 'interval':
      return [
        `type: ${stringLiteral(type.element)}` +
          (/^interval( day to second| year to month)?$/.test(type.element) ? '' : ' as never'),
      ];
    case 'bit': {
      const options = [`type: ${stringLiteral(shape.varying ? 'bit varying' : 'bit')}`];
      if (shape.length !== null) options.push(`length: ${shape.length}`);
      return options;
    }
    case 'named':
      return [`type: ${stringLiteral(type.element)}${typeormCannotName(type) ? ' as never' : ''}`];
  }
}

/** TypeORM formats a DATE as `'YYYY-MM-DD'` instead of handing back node-postgres' Date. */
const TYPEORM_TYPES = { DATE: 'string' } as const;

function propertyType(type: TypeInfo, enumTypes: Map<string, string>): string {
  const element = readType(type, enumTypes, TYPEORM_TYPES);
  return type.array ? arrayOf(element) : element;
}
