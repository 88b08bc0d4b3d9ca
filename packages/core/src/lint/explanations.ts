/**
 * One line per lint code, shown under each finding in the review; `docs/lint.md` has a
 * section per code with the why and what to do.
 */
export const lintExplanations: Readonly<Record<string, string>> = {
  DS102: 'Dropping a table deletes its rows; a downgrade brings the table back empty.',
  DS103: 'Dropping a column deletes its values; a downgrade brings the column back empty.',
  BC101: 'A renamed table breaks every query, view and client still using the old name.',
  BC102: 'A renamed column breaks every query, view and client still using the old name.',
  MF101:
    'A unique or primary key fails to build if the table already holds duplicates (or NULLs); an exclusion constraint, if two rows conflict.',
  MF103: 'A NOT NULL column without a default cannot be added to a table that has rows.',
  MF104: 'SET NOT NULL fails if any existing row holds NULL in the column.',
  MF105: 'A narrower type fails on existing values that do not fit.',
  MF106:
    'A type change without an implicit cast needs USING and fails on values that do not convert.',
  MF107: 'Removing an enum value fails while any row still holds it.',
  CD101: 'A new foreign key or check fails if existing rows break it.',
  'ban-drop-table': 'Code still using the dropped table fails once it is gone.',
  'ban-drop-column': 'Code still selecting the dropped column fails once it is gone.',
  'renaming-table': 'Clients fail until they are deployed with the new table name.',
  'renaming-column': 'Clients fail until they are deployed with the new column name.',
  'adding-not-nullable-field':
    'Making a column NOT NULL scans the whole table under an exclusive lock.',
  'adding-serial-primary-key-field':
    'A serial column or new primary key rewrites or indexes the table under an exclusive lock.',
  'changing-column-type':
    'A type change can rewrite the table and its indexes under an exclusive lock.',
  'disallowed-unique-constraint':
    'ADD CONSTRAINT UNIQUE builds its index while blocking writes to the table.',
  'require-concurrent-index-creation':
    'CREATE INDEX without CONCURRENTLY blocks writes to the table while it builds; build it CONCURRENTLY in a step of its own.',
  'adding-exclusion-constraint':
    'ADD CONSTRAINT EXCLUDE builds its index under an ACCESS EXCLUSIVE lock, blocking reads and writes.',
  'adding-foreign-key-constraint':
    'A new foreign key locks both tables while every row is checked.',
  'constraint-missing-not-valid': 'A new check locks the table while every row is checked.',
  'drop-enum': 'Code or columns that still name the dropped enum type fail.',
  'foreign-key-integer-width':
    'A key column narrower than the key it references fails once ids outgrow it.',
  'drop-function-used-by-trigger':
    'Postgres refuses to drop a function a trigger still calls; drop or change the trigger first.',
  'security-definer-without-search-path':
    "A SECURITY DEFINER function resolves names through the caller's search_path unless it sets its own.",
  'event-trigger-needs-superuser':
    'Only a superuser may create an event trigger, and it then runs on DDL anywhere in the database.',
  'recreate-dependent-object':
    'A view, policy or trigger is dropped and created again around a column change; it is missing in between.',
  'drop-partition':
    'Dropping a partition deletes its rows from the partitioned table too, for every reader of it.',
  'detach-partition':
    'Detaching a partition takes its rows out of the partitioned table; they stay in the detached table.',
  'attach-partition':
    'Attaching a partition reads every row of it to check its bound, under a lock, unless a matching CHECK proves it.',
  'recreate-changed-view':
    'CREATE OR REPLACE VIEW only appends columns; a view whose columns change is dropped and created again, with the views over it.',
  'recreate-materialized-view':
    'A materialized view created again is filled inside the transaction; readers wait for its whole query.',
  'hand-written-sql': 'Retort runs hand-written SQL as written and cannot check what it does.',
  'identifier-too-long': 'Postgres cuts names longer than 63 bytes, so two names can collide.',
  'prefer-timestamptz': 'TIMESTAMP drops the time zone; TIMESTAMPTZ stores an instant.',
  'ban-char-field': 'CHAR(n) pads values with spaces, which surprises comparisons and clients.',
  'prefer-text-field':
    'Changing a VARCHAR(n) length later can need a lock; TEXT with a CHECK does not.',
  'enum-value-used-in-same-revision':
    'Postgres refuses a new enum value until the transaction that added it commits.',
};
