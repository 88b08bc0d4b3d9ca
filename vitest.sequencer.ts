/**
 * The order Vitest starts test files in: the files known to take longest first, then Vitest's
 * own order (its timings of the last run here, else larger files first). On a fresh checkout
 * (CI) Vitest has no timings and would start these small files last, leaving one worker
 * running a minute-long file while the other waits. A name missing here only loses its head
 * start.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const SLOWEST = [
  'packages/codegen/src/sql/database-server.test.ts',
  'packages/cli/src/migrations.test.ts',
  'packages/migrate/src/roundtrip/roundtrip.property.test.ts',
  'packages/codegen/src/alembic/alembic-interop.test.ts',
  'packages/cli/src/import.test.ts',
  'packages/codegen/src/typecheck/semantic.test.ts',
  'packages/codegen/src/sql/database.test.ts',
  'packages/codegen/src/typecheck/compile.test.ts',
  'packages/codegen/src/interop/sqlalchemy-create-all.test.ts',
  'packages/migrate/src/introspect/introspect.test.ts',
  'packages/migrate/src/import/kitchen-sink.test.ts',
  'packages/testing/src/arbitraries.test.ts',
  'packages/cli/src/column-order.test.ts',
];

export class SlowestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification) => {
      const index = SLOWEST.indexOf(relative(this.ctx.config.root, file.moduleId));
      return index < 0 ? SLOWEST.length : index;
    };
    // Array.prototype.sort is stable: the rest keep Vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
