/**
 * Introspection with its statements counted: reading a database must take the same number of
 * catalog queries whatever its size, which the tests and `npm run bench -- import` check.
 */
import { type Introspection, introspectDatabase, type Queryable } from '@retort/migrate';

export async function countedIntrospection(
  db: Queryable,
): Promise<{ queries: number; result: Introspection }> {
  let queries = 0;
  const counting: Queryable = {
    query: (sql, params) => {
      queries++;
      return db.query(sql, params);
    },
    exec: (sql) => {
      queries++;
      return db.exec(sql);
    },
  };
  const result = await introspectDatabase(counting);
  return { queries, result };
}
