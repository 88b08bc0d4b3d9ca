import { execFileSync } from 'node:child_process';
import { hasPythonTools, PYTHON } from '@retort/testing';
import { describe, expect, it } from 'vitest';
import { alembicSlug } from './alembic-slug';

const MESSAGES = [
  'init',
  'Changed language_code & product!',
  'changed language_code and product description, added user phone number',
  'Changed language_code and product description, added phone',
  'café au lait',
  'a__b',
  '!!!',
  '',
  '_leading underscore and a very long message indeed here',
  'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz',
  `x ${'y'.repeat(45)}`,
  `${'𝐀'.repeat(39)} b c`,
  'Ünïcödé wörds, ünd ä löng messäge thät göes päst förty',
];

describe('alembicSlug', () => {
  it('makes the slugs Alembic makes', () => {
    expect(alembicSlug('init')).toBe('init');
    expect(alembicSlug('Changed language_code & product!')).toBe('changed_language_code_product');
    expect(
      alembicSlug('changed language_code and product description, added user phone number'),
    ).toBe('changed_language_code_and_product_');
    expect(alembicSlug('café au lait')).toBe('café_au_lait');
    expect(alembicSlug('a__b')).toBe('a__b');
    expect(alembicSlug('!!!')).toBe('');
    expect(alembicSlug('abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz')).toBe(
      'abcdefghijklmnopqrstuvwxyzabcdefghijklmn_',
    );
    expect(alembicSlug(`x ${'y'.repeat(45)}`)).toBe('x_');
  });

  it.skipIf(!hasPythonTools())('agrees with Alembic’s own ScriptDirectory on every message', () => {
    const script = [
      'import datetime, json, os, sys',
      'from alembic.script.base import ScriptDirectory',
      'sd = ScriptDirectory(".")',
      'now = datetime.datetime.now()',
      'print(json.dumps([os.path.basename(sd._rev_path(".", "r", m, now))[2:-3] for m in json.load(sys.stdin)]))',
    ].join('\n');
    const out = execFileSync(PYTHON, ['-c', script], { input: JSON.stringify(MESSAGES) });
    expect(MESSAGES.map(alembicSlug)).toEqual(JSON.parse(out.toString()));
  });
});
