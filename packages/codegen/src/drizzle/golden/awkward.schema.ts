import { relations, sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  serial,
  text,
} from 'drizzle-orm/pg-core';

export const classEnum = pgEnum('class', ["it's", 'back\\slash', 'a"b']);

export const index2 = pgTable(
  'index',
  {
    id: serial('id').primaryKey(),
    class_: classEnum('class').default(sql`'it''s'`),
    _2faCode: text('2fa code'),
    fullName: text('full_name'),
    fullName2: text('fullName'),
    parentId: integer('parent id'),
  },
  (t) => [
    foreignKey({
      name: 'index_parent id_fkey',
      columns: [t.parentId],
      foreignColumns: [t.id],
    }).onDelete('cascade'),
    check('index_2fa code_check', sql`"2fa code" <> '\`\${x}\`'`),
    index('index_2fa code_idx').on(t._2faCode),
  ],
);

export const index2Relations = relations(index2, ({ one, many }) => ({
  parent: one(index2, {
    fields: [index2.parentId],
    references: [index2.id],
    relationName: 'index_parent id_fkey',
  }),
  indexByParent: many(index2, { relationName: 'index_parent id_fkey' }),
}));
