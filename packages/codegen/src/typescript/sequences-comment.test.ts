/**
 * Drizzle makes standalone sequences with `pgSequence` and says in a comment what it cannot
 * (type, owner, comment); TypeORM and Kysely cannot make them and list them in a comment.
 */
import { sequencesDesign } from '@retort/testing/sequences-design';
import { describe, expect, it } from 'vitest';
import { emitDrizzle } from '../drizzle';
import { emitKysely } from '../kysely';
import { emitTypeorm } from '../typeorm';

describe('standalone sequences in TypeScript models', () => {
  const design = sequencesDesign();

  it('Drizzle makes each with pgSequence, in its schema, and comments on the rest', () => {
    const source = emitDrizzle(design);
    expect(source).toContain(
      "export const invoiceNumberSeq = appSchema.sequence('invoice_number_seq', { startWith: 1000, increment: 1, minValue: 1, maxValue: 2147483647, cache: 1, cycle: false });",
    );
    expect(source).toContain(
      "export const tickets = pgSequence('tickets', { startWith: -1, increment: -1, minValue: -1000, maxValue: -1, cache: 5, cycle: true });",
    );
    expect(source).toContain(
      '// drizzle-orm/pg-core\'s pgSequence has no data type, OWNED BY or comment; Retort\'s SQL and Alembic revisions give them:\n//   sequence app.invoice_number_seq AS integer OWNED BY app.invoices.number\n//   sequence tickets AS bigint COMMENT "Handed out at the desk"\n',
    );
  });

  for (const [library, emit] of [
    ['TypeORM', emitTypeorm],
    ['Kysely', emitKysely],
  ] as const) {
    it(`${library} lists them in a comment`, () => {
      expect(emit(design)).toContain(
        `// ${library} cannot create standalone sequences; Retort's SQL and Alembic revisions do:\n//   sequence app.invoice_number_seq AS integer START WITH 1000 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 OWNED BY app.invoices.number\n//   sequence tickets AS bigint START WITH -1 INCREMENT BY -1 MINVALUE -1000 MAXVALUE -1 CACHE 5 CYCLE COMMENT "Handed out at the desk"\n`,
      );
    });
  }
});
