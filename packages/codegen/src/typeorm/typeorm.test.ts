import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { objectsDesign, withViewColumns } from '@retort/testing/objects-design';
import { describe, expect, it } from 'vitest';
import { awkwardDesign } from '../testing/awkward-design';
import { columnFeaturesDesign } from '../testing/column-features-design';
import { goldenFolder } from '../testing/golden';
import { emitTypeorm, emitTypeormFiles } from './emit';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

function joinFiles(files: Record<string, string>): string {
  return Object.entries(files)
    .map(([name, text]) => `// ==> ${name} <==\n${text}`)
    .join('\n');
}

describe('emitTypeorm', () => {
  it('renders identity, generated and collated columns, with a comment for what it cannot say', () => {
    expectGolden('column-features.entities.ts', emitTypeorm(columnFeaturesDesign));
  });

  it('renders views with the columns Postgres reported (or none known), and a comment for the other objects', () => {
    expectGolden('objects.entities.ts', emitTypeorm(withViewColumns(objectsDesign())));
    expectGolden('objects.files.ts', joinFiles(emitTypeormFiles(withViewColumns(objectsDesign()))));
  });

  it('renders the shop example as the golden entities.ts', () => {
    expectGolden('shop.entities.ts', emitTypeorm(loadShopDesign()));
  });

  it('renders the every-feature design as the golden entities.ts', () => {
    expectGolden('every-feature.entities.ts', emitTypeorm(everyFeatureDesign));
  });

  it('renders awkward names as quoted strings and safe identifiers', () => {
    expectGolden('awkward.entities.ts', emitTypeorm(awkwardDesign));
  });

  it('splits the every-feature design into the golden files, one per entity', () => {
    expectGolden('every-feature.files.txt', joinFiles(emitTypeormFiles(everyFeatureDesign)));
  });

  it('maps a foreign key to ManyToOne with its named JoinColumn and the OneToMany side', () => {
    const out = emitTypeorm(loadShopDesign());
    expect(out).toContain(
      "  @ManyToOne(() => User, (user) => user.usersByReferrer, { onDelete: 'SET NULL', onUpdate: 'NO ACTION' })\n" +
        "  @JoinColumn({ name: 'referrer_id', referencedColumnName: 'telegramId', foreignKeyConstraintName: 'users_referrer_id_fkey' })\n" +
        '  referrer!: Relation<User> | null;',
    );
    expect(out).toContain(
      '  @OneToMany(() => User, (user) => user.referrer)\n  usersByReferrer!: Relation<User>[];',
    );
  });

  it('types BIGINT and NUMERIC as string, what node-postgres returns', () => {
    const out = emitTypeorm(everyFeatureDesign);
    expect(out).toContain(
      "  @Column({ name: 'customer_id', type: 'bigint' })\n  customerId!: string;",
    );
    expect(out).toContain('  total!: string;');
  });

  it('gives a table without a primary key no entity, and says why', () => {
    const out = emitTypeorm(everyFeatureDesign);
    expect(out).not.toContain("name: 'sessions'");
    expect(out).toContain(
      "// Table 'sessions' has no primary key, and TypeORM requires one on every",
    );
    expect(emitTypeormFiles(everyFeatureDesign)['index.ts']).not.toContain('Session');
  });
});
