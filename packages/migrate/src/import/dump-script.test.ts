import { describe, expect, it } from 'vitest';
import { readDumpScript } from './dump-script';

describe('a SQL file read as psql reads it', () => {
  it('skips psql meta-commands at the start of a statement, with a note naming the line', () => {
    const script = readDumpScript(
      '\\restrict abc\nCREATE TABLE a (id int);\n\\connect other\nSELECT 1;\n\\unrestrict abc\n',
    );
    expect(script.sql).toBe('\nCREATE TABLE a (id int);\n\nSELECT 1;\n\n');
    expect(script.notes).toEqual([
      'Skipped line 1, the psql meta-command \\restrict.',
      'Skipped line 3, the psql meta-command \\connect.',
      'Skipped line 5, the psql meta-command \\unrestrict.',
    ]);
  });

  it('keeps a backslash line inside a function body, a string or a comment', () => {
    const text = [
      'CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $body$',
      '\\not a command',
      '$body$;',
      "SELECT 'a",
      "\\still a string';",
      '/* a comment',
      '\\inside it */',
      "SELECT E'it''s \\' quoted",
      "\\here';",
    ].join('\n');
    const script = readDumpScript(text);
    expect(script.sql).toBe(text);
    expect(script.notes).toEqual([]);
  });

  it('skips the rows of a COPY from stdin', () => {
    const script = readDumpScript('COPY t (a) FROM stdin;\n1\n2\n\\.\nCREATE TABLE b (id int);\n');
    expect(script.sql).toBe('-- COPY t (a) FROM stdin;\n\n\n\nCREATE TABLE b (id int);\n');
    expect(script.notes).toEqual(['Skipped the 2 data rows of the COPY at line 1.']);
  });

  it('finds the extensions the file creates, not ones in comments or strings', () => {
    const script = readDumpScript(
      [
        'CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;',
        '-- CREATE EXTENSION hstore;',
        "COMMENT ON TABLE t IS 'CREATE EXTENSION ltree';",
        'create extension "uuid-ossp";',
        'CREATE EXTENSION btree_gist;',
      ].join('\n'),
    );
    expect(script.extensions).toEqual(['citext', 'uuid-ossp', 'btree_gist']);
  });
});
