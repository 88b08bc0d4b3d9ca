/**
 * `designToMermaid`: the design as a Mermaid `erDiagram`, as GitHub, GitLab and most wikis
 * draw it. Attributes carry PK, FK and UK markers. Each foreign key is one relationship from
 * the referenced table to the referencing one: exactly one referenced row when the key's
 * columns are NOT NULL (`||`), else zero or one (`|o`); zero or one referencing row when the
 * key's columns are unique in their table (`o|`), else zero or more (`o{`); a solid line when
 * the key is part of the primary key (identifying), dotted otherwise.
 *
 * Mermaid's attribute names and types are single words, so anything else is spelled with
 * underscores and the exact name or type goes in the attribute's comment.
 */
import {
  type Column,
  type Design,
  type ForeignKey,
  objectQualifiedName,
  type Table,
} from '@retort/core';
import {
  foreignKeyIsIdentifying,
  foreignKeyIsRequired,
  foreignKeyIsUnique,
} from '../keys/foreign-key-shape';
import { objectsComment, partitionsComment } from '../typescript/unexpressed';

const ENTITY = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const WORD = /^[A-Za-z_][A-Za-z0-9_\-[\]()]*$/;

function entityName(name: string): string {
  return ENTITY.test(name) ? name : `"${name.replaceAll('"', '#quot;')}"`;
}

/** A Mermaid word for `text`, and whether it had to change. */
function word(text: string): { word: string; changed: boolean } {
  if (WORD.test(text)) return { word: text, changed: false };
  const spelled = text.replace(/[^A-Za-z0-9_\-[\]()]/g, '_').replace(/^(?=[^A-Za-z_])/, '_');
  return { word: spelled, changed: true };
}

function keyMarkers(table: Table, column: Column): string[] {
  const keys: string[] = [];
  if (column.primaryKey) keys.push('PK');
  if (table.foreignKeys.some((fk) => fk.columns.includes(column.id))) keys.push('FK');
  const unique =
    column.unique ||
    table.uniques.some((u) => u.columns.includes(column.id)) ||
    table.indexes.some((i) => i.unique && i.columns.includes(column.id));
  if (unique && !column.primaryKey) keys.push('UK');
  return keys;
}

function attributeLine(table: Table, column: Column): string {
  // NUMERIC(10,2): a comma ends a Mermaid word, so the type is `numeric` and the comment exact.
  const type = word(column.type.toLowerCase().replace(/\([^)]*,[^)]*\)/, ''));
  const name = word(column.name);
  const notes: string[] = [];
  if (name.changed) notes.push(column.name);
  if (type.changed || column.type.includes(',')) notes.push(column.type);
  if (column.comment !== null) notes.push(column.comment);
  const keys = keyMarkers(table, column);
  const comment = notes.length === 0 ? '' : ` "${notes.join('; ').replace(/["\n]/g, "'")}"`;
  return `        ${type.word} ${name.word}${keys.length > 0 ? ` ${keys.join(', ')}` : ''}${comment}`;
}

function relationshipLine(design: Design, table: Table, fk: ForeignKey): string | null {
  const target = design.tables.find((t) => t.id === fk.references.table);
  if (!target) return null;
  const left = foreignKeyIsRequired(table, fk) ? '||' : '|o';
  const right = foreignKeyIsUnique(table, fk) ? 'o|' : 'o{';
  const line = foreignKeyIsIdentifying(table, fk) ? '--' : '..';
  const label = fk.columns
    .map((id) => table.columns.find((c) => c.id === id)?.name ?? id)
    .join(', ')
    .replaceAll('"', "'");
  return `    ${entityName(objectQualifiedName(target))} ${left}${line}${right} ${entityName(objectQualifiedName(table))} : "${label}"`;
}

export function designToMermaid(design: Design): string {
  const lines = ['erDiagram'];
  for (const table of design.tables) {
    if (table.partitionOf !== undefined) continue;
    // Outside public the entity is `app.users` (quoted: Mermaid's words have no dot).
    lines.push(`    ${entityName(objectQualifiedName(table))} {`);
    for (const column of table.columns) lines.push(attributeLine(table, column));
    lines.push('    }');
  }
  for (const table of design.tables) {
    for (const fk of table.foreignKeys) {
      const line = relationshipLine(design, table, fk);
      if (line !== null) lines.push(line);
    }
  }
  lines.push(...partitionsComment('A Mermaid ER diagram', design, '    %%'));
  lines.push(...objectsComment('A Mermaid ER diagram', design, '    %%'));
  return `${lines.join('\n')}\n`;
}
