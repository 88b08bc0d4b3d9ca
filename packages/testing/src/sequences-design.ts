/**
 * A design with standalone sequences: `app.invoice_number_seq` (integer, from 1000, owned by
 * the column whose default calls it, as pg_dump writes one), `tickets` (counting down,
 * cycling, cached, with a comment, owned by no column) and a table using both.
 */
import { type Design, parseDesign } from '@retort/core';

export function sequencesDesignInput() {
  return {
    format: 'retort.design/5',
    name: 'sequences',
    enums: [],
    sequences: [
      {
        id: 's_invoice_number',
        name: 'invoice_number_seq',
        schema: 'app',
        dataType: 'integer',
        start: 1000,
        ownedBy: { table: 't_invoices', column: 'c_number' },
      },
      {
        id: 's_tickets',
        name: 'tickets',
        dataType: 'bigint',
        increment: '-1',
        minValue: '-1000',
        maxValue: '-1',
        cache: 5,
        cycle: true,
        comment: 'Handed out at the desk',
      },
    ],
    tables: [
      {
        id: 't_invoices',
        name: 'invoices',
        schema: 'app',
        columns: [
          {
            id: 'c_number',
            name: 'number',
            type: 'integer',
            primaryKey: true,
            default: { sql: "nextval('app.invoice_number_seq'::regclass)" },
          },
          {
            id: 'c_ticket',
            name: 'ticket',
            type: 'bigint',
            nullable: false,
            default: { sql: "nextval('tickets'::regclass)" },
          },
          { id: 'c_note', name: 'note', type: 'text' },
        ],
      },
    ],
  };
}

export function sequencesDesign(): Design {
  return parseDesign(JSON.stringify(sequencesDesignInput()));
}
