/**
 * A design whose one event trigger runs a plpgsql function on table DDL, and the steps a
 * revision takes it through: `disabledAndRenamed` (changed in place by ALTER EVENT TRIGGER)
 * and `retagged` (its tags changed, which only a drop and a create make). Definitions are
 * written as Postgres prints them and pg_dump writes them.
 */
import type { Design, DesignObject } from '@retort/core';

export const EVENT_TRIGGER_FUNCTION = `CREATE OR REPLACE FUNCTION public.note_ddl()
 RETURNS event_trigger
 LANGUAGE plpgsql
AS $function$ BEGIN END $function$
`;

export const EVENT_TRIGGER_CREATED = `CREATE EVENT TRIGGER note_ddl ON ddl_command_end
         WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')
   EXECUTE FUNCTION public.note_ddl();`;

export function eventTriggerDesign(trigger: Partial<DesignObject> = {}): Design {
  return {
    format: 'retort.design/5',
    name: 'audit',
    enums: [],
    tables: [],
    objects: [
      {
        id: 'o_note_ddl',
        kind: 'function',
        schema: 'public',
        name: 'note_ddl()',
        table: null,
        definition: EVENT_TRIGGER_FUNCTION,
        comment: null,
        dependsOn: [],
      },
      {
        id: 'o_note_ddl_trigger',
        kind: 'event_trigger',
        schema: '',
        name: 'note_ddl',
        table: null,
        definition: EVENT_TRIGGER_CREATED,
        comment: 'Notes table DDL',
        dependsOn: ['o_note_ddl'],
        ...trigger,
      },
    ],
  };
}

const DISABLED = `${EVENT_TRIGGER_CREATED.replace('note_ddl ON', 'table_ddl ON')}\n\nALTER EVENT TRIGGER table_ddl DISABLE;`;

/** The event trigger renamed table_ddl and disabled. */
export function disabledAndRenamed(): Design {
  return eventTriggerDesign({ name: 'table_ddl', definition: DISABLED });
}

/** As `disabledAndRenamed`, firing on CREATE TABLE alone. */
export function retagged(): Design {
  return eventTriggerDesign({
    name: 'table_ddl',
    definition: DISABLED.replace(", 'ALTER TABLE'", ''),
  });
}
