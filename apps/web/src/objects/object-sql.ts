/**
 * The SQL the editor starts from: an object's own statement (a view's query wrapped in the
 * CREATE it is run as), or a template for a new object of a kind, written over the design's
 * tables so it runs as it is.
 */
import { createObjectSql, type Design, type DesignObject, quoteIdentifier } from '@retort/core';

/**
 * The statement that creates the object as it is now; for an event trigger not simply
 * enabled, with the `ALTER EVENT TRIGGER` that sets its state after it.
 */
export function objectStatementSql(object: DesignObject): string {
  const statements = createObjectSql({ ...object, comment: null, table: null, dependsOn: [] });
  const [create = object.definition, ...rest] = statements;
  const text = create.trim();
  const state = object.kind === 'event_trigger' && rest[0] ? `\n${rest[0]};\n` : '';
  return `${text.endsWith(';') ? text : `${text};`}\n${state}`;
}

export type TemplateKind =
  | 'view'
  | 'materialized_view'
  | 'function'
  | 'procedure'
  | 'trigger'
  | 'policy'
  | 'event_trigger';

export const TEMPLATE_KINDS: readonly { kind: TemplateKind; label: string }[] = [
  { kind: 'view', label: 'View' },
  { kind: 'materialized_view', label: 'Materialized view' },
  { kind: 'function', label: 'Function' },
  { kind: 'procedure', label: 'Procedure' },
  { kind: 'trigger', label: 'Trigger' },
  { kind: 'policy', label: 'Policy' },
  { kind: 'event_trigger', label: 'Event trigger' },
];

/** A statement for a new object, over `tableId` (else the design's first table). */
export function templateSql(design: Design, kind: TemplateKind, tableId?: string): string {
  const table = design.tables.find((t) => t.id === tableId) ?? design.tables[0];
  const qualified = table
    ? `${quoteIdentifier(table.schema ?? 'public')}.${quoteIdentifier(table.name)}`
    : 'public.some_table';
  const name = table?.name ?? 'new';
  const firstColumn = table?.columns[0] ? quoteIdentifier(table.columns[0].name) : '*';
  switch (kind) {
    case 'view':
      return `CREATE VIEW public.${name}_view AS\nSELECT ${firstColumn}\n  FROM ${qualified};\n`;
    case 'materialized_view':
      return `CREATE MATERIALIZED VIEW public.${name}_summary AS\nSELECT count(*) AS total\n  FROM ${qualified};\n`;
    case 'function':
      return 'CREATE FUNCTION public.new_function(a integer)\n RETURNS integer\n LANGUAGE sql\n IMMUTABLE\nAS $$ SELECT a + 1 $$;\n';
    case 'procedure':
      return `CREATE PROCEDURE public.new_procedure()\n LANGUAGE sql\nAS $$ DELETE FROM ${qualified} WHERE false $$;\n`;
    case 'trigger':
      return `CREATE TRIGGER ${name}_touch\n  BEFORE UPDATE ON ${qualified}\n  FOR EACH ROW EXECUTE FUNCTION public.some_trigger_function();\n`;
    case 'policy':
      return `CREATE POLICY ${name}_read ON ${qualified}\n  FOR SELECT\n  USING (true);\n`;
    case 'event_trigger':
      return "CREATE EVENT TRIGGER note_ddl ON ddl_command_end\n  WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')\n  EXECUTE FUNCTION public.some_event_trigger_function();\n";
  }
}
