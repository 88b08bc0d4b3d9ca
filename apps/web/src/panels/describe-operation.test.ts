import type { CatalogObject } from '@retort/core';
import { describe, expect, it } from 'vitest';
import { describeOperation } from './describe-operation';

const view = (name: string, definition: string): CatalogObject => ({
  kind: 'view',
  schema: 'public',
  name,
  table: null,
  definition,
  comment: null,
  dependsOn: [],
});

describe('the review names object changes', () => {
  it('says Rename when a replace changes the name, Replace when it changes the definition', () => {
    const before = view('top_accounts', ' SELECT 1;');
    expect(
      describeOperation({
        kind: 'replace_object',
        before,
        after: view('best_accounts', ' SELECT 1;'),
      }),
    ).toBe('Rename view public.top_accounts to best_accounts');
    expect(
      describeOperation({
        kind: 'replace_object',
        before,
        after: view('top_accounts', ' SELECT 2;'),
      }),
    ).toBe('Replace view public.top_accounts');
  });
});
