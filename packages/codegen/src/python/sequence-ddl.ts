/**
 * Standalone sequences in SQLAlchemy models: each a `Sequence` on the metadata, which
 * `create_all` builds before the tables and `drop_all` removes after them. SQLAlchemy has no
 * `OWNED BY` or sequence comment, so those are Retort's SQL in a `DDL` listened for on the
 * metadata: owned once every table exists, owned by nothing again before the tables go (so
 * dropping the owning table leaves the sequence for `drop_all` to drop).
 */
import { type Design, schemaOf, toCatalog, unqualifiedName } from '@retort/core';
import { ownerSql, sequenceCommentSql } from '../sql/sequences';
import type { PythonImports } from './imports';
import { pythonString } from './literal';

const DATA_TYPES = { smallint: 'SmallInteger', integer: 'Integer', bigint: 'BigInteger' } as const;

/** Lines to put after the enums and types; none when the design has no sequence. */
export function sequenceLines(design: Design, imports: PythonImports, metadata: string): string[] {
  const sequences = toCatalog(design).sequences ?? [];
  if (sequences.length === 0) return [];
  imports.from('sqlalchemy', 'Sequence');
  const out = [
    '',
    '# Standalone sequences: create_all builds them before the tables, drop_all removes them after.',
  ];
  const created: string[] = [];
  const dropped: string[] = [];
  for (const s of sequences) {
    const type = DATA_TYPES[s.dataType];
    imports.from('sqlalchemy', type);
    const schema = schemaOf(s.name);
    const args = [
      pythonString(unqualifiedName(s.name)),
      ...(schema !== 'public' ? [`schema=${pythonString(schema)}`] : []),
      `data_type=${type}`,
      `start=${s.start}`,
      `increment=${s.increment}`,
      `minvalue=${s.minValue}`,
      `maxvalue=${s.maxValue}`,
      `cache=${s.cache}`,
      `cycle=${s.cycle ? 'True' : 'False'}`,
      `metadata=${metadata}`,
    ];
    out.push(`Sequence(${args.join(', ')})`);
    if (s.comment !== null) {
      created.push(sequenceCommentSql(s.name, s.comment));
    }
    if (s.ownedBy !== null) {
      created.push(ownerSql(s.name, s.ownedBy));
      dropped.push(ownerSql(s.name, null));
    }
  }
  if (created.length === 0) return out;
  imports.from('sqlalchemy', 'DDL').from('sqlalchemy', 'event');
  const ddl = (sql: string) => `    ${pythonString(sql.replaceAll('%', '%%'))},`;
  out.push(
    '# Their owners and comments, once the tables exist; owned by nothing again before the tables go.',
    'for _statement in (',
    ...created.map(ddl),
    '):',
    `    event.listen(${metadata}, 'after_create', DDL(_statement))`,
  );
  if (dropped.length > 0) {
    out.push(
      'for _statement in (',
      ...dropped.map(ddl),
      '):',
      `    event.listen(${metadata}, 'before_drop', DDL(_statement))`,
    );
  }
  return out;
}
