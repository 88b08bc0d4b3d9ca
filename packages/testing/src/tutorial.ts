/**
 * The tutorial's evolution (shared/reference/sqlalchemy-alembic-tutorial.md): the shop's four
 * tables, then language_code VARCHAR(255) -> VARCHAR(10), description TEXT -> VARCHAR(3000)
 * and a new users.phone_number VARCHAR(50) (the changes Alembic's autogenerate missed).
 */
import type { AlembicRevisionSource } from '@retort/codegen';
import { type Design, diff, newColumn } from '@retort/core';

/** The tutorial's three changes, made the way the editor makes them: on the design document. */
export function tutorialChanges(design: Design): Design {
  const next = structuredClone(design);
  const users = next.tables.find((t) => t.name === 'users')!;
  const products = next.tables.find((t) => t.name === 'products')!;
  users.columns.find((c) => c.name === 'language_code')!.type = 'VARCHAR(10)';
  products.columns.find((c) => c.name === 'description')!.type = 'VARCHAR(3000)';
  users.columns.push(
    newColumn({ id: 'c_users_phone_number', name: 'phone_number', type: 'VARCHAR(50)' }),
  );
  return next;
}

export type TutorialRevision = AlembicRevisionSource;

/** The two revisions, with the ids and dates of the tutorial's style. */
export function tutorialRevisions(shop: Design): TutorialRevision[] {
  const empty: Design = { format: shop.format, name: shop.name, enums: [], tables: [] };
  const evolved = tutorialChanges(shop);
  return [
    {
      id: '804682fdc9c4',
      parent: null,
      message: 'initial migration',
      createdAt: '2022-07-14T10:29:18.479014Z',
      operations: diff(empty, shop),
      schema: shop,
    },
    {
      id: '3f2a9c81b0de',
      parent: '804682fdc9c4',
      message: 'changed language_code and product description, added user phone number',
      createdAt: '2022-07-14T11:02:41.120533Z',
      operations: diff(shop, evolved),
      schema: evolved,
    },
  ];
}
