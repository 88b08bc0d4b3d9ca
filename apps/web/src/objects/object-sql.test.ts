import { disabledAndRenamed, eventTriggerDesign } from '@retort/testing/event-trigger-design';
import { describe, expect, it } from 'vitest';
import { objectStatementSql, templateSql } from './object-sql';

describe('the SQL the editor starts from', () => {
  it("is an event trigger's CREATE, with the ALTER that sets its state when it is not simply enabled", () => {
    const enabled = eventTriggerDesign().objects![1]!;
    expect(objectStatementSql(enabled)).toBe(`${enabled.definition}\n`);
    const disabled = disabledAndRenamed().objects![1]!;
    expect(objectStatementSql(disabled)).toBe(
      "CREATE EVENT TRIGGER table_ddl ON ddl_command_end\n         WHEN TAG IN ('CREATE TABLE', 'ALTER TABLE')\n   EXECUTE FUNCTION public.note_ddl();\n\nALTER EVENT TRIGGER table_ddl DISABLE;\n",
    );
  });

  it('offers a new event trigger over a function to write', () => {
    expect(templateSql(eventTriggerDesign(), 'event_trigger')).toMatch(
      /^CREATE EVENT TRIGGER note_ddl ON ddl_command_end\n/,
    );
  });
});
