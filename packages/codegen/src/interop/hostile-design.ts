/**
 * A design written to break generated code: every name, comment, enum value and default
 * holds what ends a Python or TypeScript string, docstring, template or comment (`"""`,
 * `'`, `\`, newlines, `${`, backticks, `*` `/`), tables and columns are named after keywords
 * and built-ins of both languages (`none`, `true`, `class`, `import`, `self`, `lambda`,
 * `constructor`, `toString`), and a foreign key points at a table whose name holds a `.`.
 * Every emitter must still give code that compiles and means exactly the design.
 */
import { type Design, parseDesign } from '@retort/core';

/** Text that ends every kind of literal and comment the emitters write. */
export const HOSTILE_TEXT =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal `${` is the point.
  'a """ b \'\'\' c \' d " e \\ f \\n g\nh ${x} i ` j */ k /* l # m\r\n n \u2028 o';

/** The design name also goes into env.py's docstring and its example database URL. */
export const HOSTILE_NAME = `evil"""\nimport os; os.system('echo owned') #'\\\${x}\`*/`;

const RESERVED = [
  'none',
  'None',
  'true',
  'false',
  'null',
  'constructor',
  'toString',
  'class',
  'import',
  'self',
  'def',
  'lambda',
  'from',
  'async',
  'await',
  'yield',
  'function',
  'new',
  'delete',
  'typeof',
  'default',
  'enum',
  'interface',
  'object',
  'Object',
  'metadata',
  'registry',
] as const;

const col = (table: string, name: string, type: string, extra: Record<string, unknown> = {}) => ({
  id: `c_${table}_${name}`,
  name,
  type,
  ...extra,
});

const keyword = (name: string) => ({
  id: `t_${name}`,
  name,
  comment: HOSTILE_TEXT,
  columns: [
    col(name, 'id', 'INTEGER', { primaryKey: true, nullable: false, autoincrement: true }),
    ...RESERVED.map((c) => col(name, c, 'TEXT')),
    col(name, 'mood', 'None', { default: { sql: "'it''s'" }, comment: HOSTILE_TEXT }),
    col(name, 'parent', 'INTEGER'),
  ],
  foreignKeys: [
    {
      id: `f_${name}_parent`,
      columns: [`c_${name}_parent`],
      references: { table: `t_${name}`, columns: [`c_${name}_id`] },
    },
  ],
});

export const hostileDesign: Design = parseDesign({
  format: 'retort.design/5',
  name: HOSTILE_NAME,
  enums: [
    {
      id: 'e_none',
      name: 'None',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal `${` is the point.
      values: ["it's", '"""', "'''", 'back\\slash', 'new\nline', '${x}', '`tick`', '*/', '/*'],
    },
  ],
  tables: [
    ...['none', 'true', 'false', 'constructor', 'class', 'import', 'self', 'lambda'].map(keyword),
    {
      id: 't_dotted',
      name: 'app.accounts',
      comment: null,
      columns: [
        col('dotted', 'id', 'INTEGER', { primaryKey: true, nullable: false }),
        col('dotted', 'code', 'TEXT', { nullable: false, unique: true }),
      ],
    },
    {
      id: 't_strange',
      name: HOSTILE_TEXT.slice(0, 40),
      comment: HOSTILE_TEXT,
      columns: [
        col('strange', 'id', 'INTEGER', { primaryKey: true, nullable: false }),
        col('strange', HOSTILE_TEXT.slice(0, 40), 'TEXT', {
          comment: HOSTILE_TEXT,
          default: { sql: `'${HOSTILE_TEXT.replaceAll("'", "''")}'` },
        }),
        col('strange', 'account', 'INTEGER'),
        col('strange', 'account_code', 'TEXT'),
      ],
      foreignKeys: [
        {
          id: 'f_strange_account',
          columns: ['c_strange_account'],
          references: { table: 't_dotted', columns: ['c_dotted_id'] },
        },
        {
          id: 'f_strange_code',
          name: 'strange.code',
          columns: ['c_strange_account_code'],
          references: { table: 't_dotted', columns: ['c_dotted_code'] },
          onDelete: 'CASCADE',
        },
      ],
      checks: [{ id: 'k_strange', name: null, expression: `id <> 0 OR 'a''*/\${x}\`' <> ''` }],
      indexes: [{ id: 'i_strange', name: 'strange.idx', columns: ['c_strange_account'] }],
    },
  ],
});
