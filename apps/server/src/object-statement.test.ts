import { describe, expect, it } from 'vitest';
import { lineAndColumn, objectStatement, splitStatements } from './object-statement';

const refusal = (sql: string) => {
  try {
    objectStatement(sql);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
};

describe('the statement the SQL editor sends', () => {
  it('accepts one CREATE of each object kind, with or without OR REPLACE and a final semicolon', () => {
    for (const [sql, creates] of [
      ['CREATE VIEW v AS SELECT 1', 'VIEW'],
      ['create or replace view v as select 1;', 'VIEW'],
      ['CREATE MATERIALIZED VIEW m AS SELECT 1', 'MATERIALIZED VIEW'],
      ['CREATE UNIQUE INDEX m_i ON m (x)', 'INDEX'],
      ['CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$', 'FUNCTION'],
      ['CREATE OR REPLACE PROCEDURE p() LANGUAGE sql AS $b$ SELECT 1; SELECT 2 $b$', 'PROCEDURE'],
      [
        'CREATE CONSTRAINT TRIGGER t AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION f()',
        'TRIGGER',
      ],
      ['-- why\nCREATE POLICY p ON x USING (true);  -- done', 'POLICY'],
      ['CREATE AGGREGATE total(int) (sfunc = int4pl, stype = int)', 'AGGREGATE'],
      ['CREATE OR REPLACE RULE r AS ON DELETE TO x DO INSTEAD NOTHING', 'RULE'],
      ['CREATE EVENT TRIGGER e ON ddl_command_end EXECUTE FUNCTION f()', 'EVENT TRIGGER'],
    ] as const) {
      expect(objectStatement(sql).creates).toBe(creates);
    }
  });

  it('hides semicolons in strings, quoted names, dollar quotes and comments', () => {
    const sql = `CREATE VIEW "a;b" AS SELECT 'x;y' AS s, E'\\';' AS t /* ; /* ; */ ; */ -- ;\n, $q$;$q$ AS u;`;
    expect(splitStatements(sql)).toHaveLength(1);
    expect(objectStatement(sql).sql).toBe(sql.slice(0, -1));
  });

  it('refuses a second statement, whatever it is, and anything but a CREATE of an object', () => {
    expect(refusal('CREATE VIEW v AS SELECT 1; DROP TABLE users')).toMatch(
      /^The SQL holds 2 statements; only one CREATE VIEW/,
    );
    expect(
      refusal("CREATE FUNCTION f() RETURNS int AS 'SELECT 1' LANGUAGE sql; DROP TABLE x;"),
    ).toMatch(/holds 2 statements/);
    expect(refusal('DROP TABLE users')).toMatch(
      /^Only a CREATE VIEW.* statement is accepted, not "DROP TABLE USERS"\.$/,
    );
    expect(refusal('CREATE TABLE t (id int)')).toMatch(/not "CREATE TABLE T"/);
    expect(refusal('CREATE TEMP VIEW v AS SELECT 1')).toMatch(/not "CREATE TEMP VIEW"/);
    expect(refusal(' -- nothing\n ; ')).toMatch(/^The SQL is empty/);
  });

  it("takes an event trigger's state after it, and nothing else", () => {
    const sql =
      'CREATE EVENT TRIGGER e ON ddl_command_end\n  EXECUTE FUNCTION f();\nalter event trigger e enable always;';
    const statement = objectStatement(sql);
    expect(statement).toMatchObject({
      sql: 'CREATE EVENT TRIGGER e ON ddl_command_end\n  EXECUTE FUNCTION f()',
      creates: 'EVENT TRIGGER',
    });
    // Blanked up to its start, so an error position counts the lines before it.
    expect(statement.state?.split('\n').map((line) => line.trim())).toEqual([
      '',
      '',
      'alter event trigger e enable always',
    ]);
    expect(refusal(sql.replace('trigger e enable', 'trigger other enable'))).toMatch(
      /holds 2 statements/,
    );
    expect(refusal(sql.replace('enable always', 'rename to x'))).toMatch(/holds 2 statements/);
    expect(refusal(`${sql} DROP TABLE x;`)).toMatch(/holds 3 statements/);
  });

  it('turns a character position into a line and column', () => {
    expect(lineAndColumn('CREATE VIEW v AS\nSELECT nope', 25)).toEqual({ line: 2, column: 8 });
    expect(lineAndColumn('abc', 1)).toEqual({ line: 1, column: 1 });
  });
});
