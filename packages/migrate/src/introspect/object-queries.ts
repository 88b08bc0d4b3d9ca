/**
 * The two queries that read a schema's objects (views, materialized views and their
 * indexes, functions, procedures, triggers, policies, row-level security) and the
 * database's event triggers, and what they depend on, whatever their number. Each
 * definition is Postgres' own print of it; a policy, an aggregate and an event trigger are
 * written back as pg_dump writes them.
 */

export interface ObjectRow {
  /**
   * `pg_class`, `pg_proc`, `pg_trigger`, `pg_rewrite`, `pg_policy` or `pg_event_trigger`, and
   * the object's oid in it.
   */
  class: string;
  oid: number;
  kind: string;
  schema: string;
  name: string;
  /** The oid and name of the table (or materialized view) it belongs to. */
  table: number | null;
  table_name: string | null;
  definition: string | null;
  comment: string | null;
  /** Why part of the object is not carried (view options, an internal language...). */
  note: string | null;
  /** A view's columns, as JSON text: `[{"name": ..., "type": ...}]`. */
  columns: string | null;
}

const NOT_EXTENSION_MEMBER = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend xd WHERE xd.classid = '${catalog}'::regclass AND xd.objid = ${oid} AND xd.deptype = 'e')`;

/** A routine's name as pg_dump writes it: qualified, but bare in pg_catalog. */
const ROUTINE_NAME = (oid: string) =>
  `(SELECT CASE WHEN rn.nspname = 'pg_catalog' THEN '' ELSE quote_ident(rn.nspname) || '.' END || quote_ident(rp.proname) FROM pg_proc rp JOIN pg_namespace rn ON rn.oid = rp.pronamespace WHERE rp.oid = ${oid})`;

export const OBJECTS = `
  SELECT 'pg_class' AS class, c.oid::int AS oid,
         CASE c.relkind WHEN 'v' THEN 'view' ELSE 'materialized_view' END AS kind,
         n.nspname AS schema, c.relname AS name, NULL::int AS table, NULL::text AS table_name,
         pg_get_viewdef(c.oid) AS definition, obj_description(c.oid, 'pg_class') AS comment,
         CASE WHEN c.reloptions IS NOT NULL THEN 'options ' || array_to_string(c.reloptions, ', ') END AS note,
         (SELECT json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))
                          ORDER BY a.attnum)::text
            FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('v', 'm')
     AND ${NOT_EXTENSION_MEMBER('pg_class', 'c.oid')}
  UNION ALL
  SELECT 'pg_class', x.oid::int, 'index', n.nspname, x.relname, i.indrelid::int, m.relname::text,
         pg_get_indexdef(i.indexrelid), obj_description(x.oid, 'pg_class'), NULL, NULL
    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid
    JOIN pg_class m ON m.oid = i.indrelid JOIN pg_namespace n ON n.oid = x.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND m.relkind = 'm'
  UNION ALL
  SELECT 'pg_proc', p.oid::int, CASE p.prokind WHEN 'p' THEN 'procedure' ELSE 'function' END,
         n.nspname, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL,
         pg_get_functiondef(p.oid), obj_description(p.oid, 'pg_proc'),
         CASE WHEN l.lanname IN ('internal', 'c') THEN 'language ' || l.lanname END, NULL
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_language l ON l.oid = p.prolang
   WHERE n.nspname = ANY($1::text[]) AND p.prokind IN ('f', 'p')
     AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
  UNION ALL
  SELECT 'pg_proc', p.oid::int, 'aggregate', n.nspname,
         p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')', NULL, NULL,
         'CREATE AGGREGATE ' || quote_ident(n.nspname) || '.' || quote_ident(p.proname) || '('
           || pg_get_function_identity_arguments(p.oid) || ') (' || E'\n    '
           || array_to_string(ARRAY[
                'SFUNC = ' || ${ROUTINE_NAME('a.aggtransfn')},
                'STYPE = ' || format_type(a.aggtranstype, NULL),
                CASE WHEN a.aggfinalfn <> 0 THEN 'FINALFUNC = ' || ${ROUTINE_NAME('a.aggfinalfn')} END,
                CASE WHEN a.aggcombinefn <> 0 THEN 'COMBINEFUNC = ' || ${ROUTINE_NAME('a.aggcombinefn')} END,
                CASE WHEN a.agginitval IS NOT NULL THEN 'INITCOND = ' || quote_literal(a.agginitval) END,
                CASE p.proparallel WHEN 's' THEN 'PARALLEL = safe' WHEN 'r' THEN 'PARALLEL = restricted' END
              ], E',\n    ') || E'\n);',
         obj_description(p.oid, 'pg_proc'),
         NULLIF(array_to_string(ARRAY[
           CASE WHEN a.aggkind <> 'n' THEN 'ordered-set aggregate' END,
           CASE WHEN a.aggmtransfn <> 0 THEN 'moving-aggregate mode' END,
           CASE WHEN a.aggserialfn <> 0 OR a.aggdeserialfn <> 0 THEN 'serialization functions' END,
           CASE WHEN a.aggfinalextra THEN 'FINALFUNC_EXTRA' END,
           CASE WHEN a.aggfinalmodify <> 'r' THEN 'FINALFUNC_MODIFY' END,
           CASE WHEN a.aggsortop <> 0 THEN 'SORTOP' END,
           CASE WHEN a.aggtransspace <> 0 THEN 'SSPACE' END
         ], ', '), ''), NULL
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    JOIN pg_aggregate a ON a.aggfnoid = p.oid
   WHERE n.nspname = ANY($1::text[]) AND p.prokind = 'a'
     AND ${NOT_EXTENSION_MEMBER('pg_proc', 'p.oid')}
  UNION ALL
  SELECT 'pg_rewrite', r.oid::int, 'rule', n.nspname, r.rulename::text, r.ev_class::int, c.relname::text,
         pg_get_ruledef(r.oid), obj_description(r.oid, 'pg_rewrite'),
         CASE WHEN r.ev_enabled <> 'O' THEN 'enabled state ' || r.ev_enabled::text END, NULL
    FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND r.rulename <> '_RETURN'
  UNION ALL
  SELECT 'pg_trigger', g.oid::int, 'trigger', n.nspname, g.tgname, g.tgrelid::int, c.relname::text,
         pg_get_triggerdef(g.oid), obj_description(g.oid, 'pg_trigger'),
         CASE WHEN g.tgenabled <> 'O' THEN 'enabled state ' || g.tgenabled::text END, NULL
    FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND NOT g.tgisinternal
     AND COALESCE((to_jsonb(g) ->> 'tgparentid')::oid, 0) = 0
  UNION ALL
  SELECT 'pg_policy', p.oid::int, 'policy', n.nspname, p.polname, p.polrelid::int, c.relname::text,
         'CREATE POLICY ' || quote_ident(p.polname) || ' ON ' || quote_ident(n.nspname) || '.'
           || quote_ident(c.relname)
           || CASE WHEN p.polpermissive THEN '' ELSE ' AS RESTRICTIVE' END
           || CASE p.polcmd WHEN 'r' THEN ' FOR SELECT' WHEN 'a' THEN ' FOR INSERT'
                            WHEN 'w' THEN ' FOR UPDATE' WHEN 'd' THEN ' FOR DELETE' ELSE '' END
           || CASE WHEN p.polroles = '{0}' THEN ''
                   ELSE ' TO ' || array_to_string(ARRAY(SELECT quote_ident(r.rolname) FROM pg_roles r
                                                         WHERE r.oid = ANY(p.polroles)), ', ') END
           || COALESCE(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
           || COALESCE(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '') || ';',
         obj_description(p.oid, 'pg_policy'), NULL, NULL
    FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[])
  UNION ALL
  SELECT 'pg_class', c.oid::int, 'row_security', n.nspname, c.relname, c.oid::int, c.relname::text,
         'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
           || ' ENABLE ROW LEVEL SECURITY;', NULL, NULL, NULL
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p') AND c.relrowsecurity
  UNION ALL
  SELECT 'pg_class', c.oid::int, 'force_row_security', n.nspname, c.relname, c.oid::int, c.relname::text,
         'ALTER TABLE ' || quote_ident(n.nspname) || '.' || quote_ident(c.relname)
           || ' FORCE ROW LEVEL SECURITY;', NULL, NULL, NULL
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE n.nspname = ANY($1::text[]) AND c.relkind IN ('r', 'p') AND c.relforcerowsecurity
  UNION ALL
  SELECT 'pg_event_trigger', e.oid::int, 'event_trigger', '', e.evtname::text, NULL, NULL,
         'CREATE EVENT TRIGGER ' || quote_ident(e.evtname) || ' ON ' || quote_ident(e.evtevent)
           || CASE WHEN cardinality(e.evttags) > 0 THEN E'\n         WHEN TAG IN ('
                || array_to_string(ARRAY(SELECT quote_literal(t) FROM unnest(e.evttags) t), ', ') || ')'
              ELSE '' END
           || E'\n   EXECUTE FUNCTION ' || ${ROUTINE_NAME('e.evtfoid')} || '();'
           || CASE e.evtenabled WHEN 'O' THEN ''
                ELSE E'\n\nALTER EVENT TRIGGER ' || quote_ident(e.evtname) || ' '
                  || CASE e.evtenabled WHEN 'D' THEN 'DISABLE' WHEN 'A' THEN 'ENABLE ALWAYS'
                                       WHEN 'R' THEN 'ENABLE REPLICA' ELSE 'ENABLE' END || ';' END,
         obj_description(e.oid, 'pg_event_trigger'), NULL, NULL
    FROM pg_event_trigger e
   WHERE ${NOT_EXTENSION_MEMBER('pg_event_trigger', 'e.oid')}`;

export interface DependencyRow {
  class: string;
  oid: number;
  ref_class: string;
  ref_oid: number;
  /**
   * What is referred to, for telling an object that needs something Retort leaves out: its
   * schema, its name (a routine's with its arguments), `function` or the relation's relkind,
   * and whether an extension owns it.
   */
  ref_schema: string | null;
  ref_name: string | null;
  ref_kind: string | null;
  ref_extension: boolean;
}

/**
 * What user objects depend on, from pg_depend: a view's dependencies are its `_RETURN`
 * rewrite rule's (another rule is an object of its own),
 * a table's row type stands for the table. Only objects created after initdb (oid 16384 on).
 */
export const DEPENDENCIES = `
  WITH deps AS (
  SELECT DISTINCT
         CASE WHEN r.rulename = '_RETURN' THEN 'pg_class' ELSE d.classid::regclass::text END AS class,
         (CASE WHEN r.rulename = '_RETURN' THEN r.ev_class ELSE d.objid END)::int AS oid,
         CASE WHEN d.refclassid = 'pg_type'::regclass AND t.typrelid <> 0 THEN 'pg_class'
              ELSE d.refclassid::regclass::text END AS ref_class,
         (CASE WHEN d.refclassid = 'pg_type'::regclass AND t.typrelid <> 0 THEN t.typrelid
               ELSE d.refobjid END)::int AS ref_oid
    FROM pg_depend d
    LEFT JOIN pg_rewrite r ON d.classid = 'pg_rewrite'::regclass AND r.oid = d.objid
    LEFT JOIN pg_type t ON d.refclassid = 'pg_type'::regclass AND t.oid = d.refobjid
   WHERE d.objid >= 16384 AND d.refobjid >= 16384 AND d.deptype IN ('n', 'a')
     AND d.classid IN ('pg_rewrite'::regclass, 'pg_class'::regclass, 'pg_proc'::regclass,
                       'pg_trigger'::regclass, 'pg_policy'::regclass, 'pg_event_trigger'::regclass)
     AND d.refclassid IN ('pg_class'::regclass, 'pg_proc'::regclass, 'pg_type'::regclass))
  SELECT deps.*, COALESCE(cn.nspname, pn.nspname) AS ref_schema,
         COALESCE(c.relname::text, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')') AS ref_name,
         CASE WHEN p.oid IS NOT NULL THEN 'function' ELSE c.relkind::text END AS ref_kind,
         EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = deps.ref_class::regclass
                    AND e.objid = deps.ref_oid AND e.deptype = 'e') AS ref_extension
    FROM deps
    LEFT JOIN pg_class c ON deps.ref_class = 'pg_class' AND c.oid = deps.ref_oid
    LEFT JOIN pg_namespace cn ON cn.oid = c.relnamespace
    LEFT JOIN pg_proc p ON deps.ref_class = 'pg_proc' AND p.oid = deps.ref_oid
    LEFT JOIN pg_namespace pn ON pn.oid = p.pronamespace`;
