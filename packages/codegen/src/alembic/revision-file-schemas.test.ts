import { diff } from '@retort/core';
import { schemasDesign } from '@retort/testing/schemas-design';
import { describe, expect, it } from 'vitest';
import { columnFeaturesDesign } from '../testing/column-features-design';
import { alembicRevisionFile } from './revision-file';

describe('an Alembic revision of a design with an enum outside public', () => {
  it('spells the enum with its values and its schema wherever a column uses it', () => {
    const design = schemasDesign();
    const { text } = alembicRevisionFile(
      {
        id: 'a1b2c3d4e5f6',
        parent: null,
        message: 'schemas',
        createdAt: '2026-12-01T00:00:00Z',
        operations: diff({ ...design, enums: [], tables: [] }, design),
        schema: design,
      },
      null,
    );
    const column = `postgresql.ENUM('new', 'paid', 'shipped', name='order_status', schema='app', create_type=False)`;
    expect(text).toContain(`sa.Column('status', ${column}`);
    expect(text).toContain(`postgresql.ARRAY(${column})`);
    expect(text).not.toContain('ENUM(,');
  });
});

describe('an Alembic revision of an identity primary key', () => {
  it('gives the column its Identity and no autoincrement=False, which SQLAlchemy refuses beside it', () => {
    const design = columnFeaturesDesign;
    const { text } = alembicRevisionFile(
      {
        id: 'a1b2c3d4e5f6',
        parent: null,
        message: 'identity',
        createdAt: '2026-12-01T00:00:00Z',
        operations: diff({ ...design, enums: [], tables: [] }, design),
        schema: design,
      },
      null,
    );
    const id = text.split('\n').find((line) => line.includes("sa.Column('id'"));
    expect(id).toContain('sa.Identity(always=True, start=1000, cache=20)');
    expect(id).not.toContain('autoincrement');
  });
});
