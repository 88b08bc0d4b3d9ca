/**
 * A database of `tables` tables with the richness of a real one, as SQL: two schemas, an enum
 * outside public, identity keys, `timestamp(6)`, collations, numeric with modifiers, checks,
 * generated tsvector columns, deferrable cross-schema foreign keys between integer types of
 * different width, partial expression unique indexes, gin and DESC/INCLUDE indexes, comments,
 * and stacked views every fiftieth table. Deterministic; every object is one Retort models.
 */
export function richSchemaSql(tables: number): string {
  const out: string[] = [
    'CREATE SCHEMA app;',
    "CREATE TYPE app.status AS ENUM ('new', 'active', 'closed');",
  ];
  const name = (i: number) =>
    `${i % 2 === 0 ? 'public' : 'app'}.item_${String(i).padStart(4, '0')}`;
  for (let i = 0; i < tables; i++) {
    const table = name(i);
    const bare = table.split('.')[1]!;
    out.push(
      `CREATE TABLE ${table} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamp(6) without time zone NOT NULL DEFAULT now(),
  name character varying(200) COLLATE "C" NOT NULL,
  amount numeric(20,6) NOT NULL DEFAULT 0 CONSTRAINT ${bare}_amount_check CHECK (amount >= 0),
  status app.status NOT NULL DEFAULT 'new',
  data jsonb,
  search tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, name::text)) STORED,
  parent_id integer,
  deleted_at timestamp with time zone
);`,
      `CREATE UNIQUE INDEX ${bare}_live_name ON ${table} (lower(name::text)) WHERE deleted_at IS NULL;`,
      `CREATE INDEX ${bare}_data ON ${table} USING gin (data jsonb_path_ops);`,
      `CREATE INDEX ${bare}_recent ON ${table} (created_at DESC NULLS LAST) INCLUDE (amount);`,
      `COMMENT ON TABLE ${table} IS 'Item ${i}';`,
      `COMMENT ON COLUMN ${table}.amount IS 'In the smallest unit';`,
    );
    if (i > 0) {
      out.push(
        `ALTER TABLE ${table} ADD CONSTRAINT ${bare}_parent_fk FOREIGN KEY (parent_id) REFERENCES ${name(i - 1)} (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED;`,
      );
    }
    if (i % 50 === 48) {
      out.push(
        `CREATE VIEW ${table}_live AS SELECT id, name, amount FROM ${table} WHERE deleted_at IS NULL;`,
        `CREATE VIEW ${table}_large AS SELECT id, name FROM ${table}_live WHERE amount > 1000;`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
