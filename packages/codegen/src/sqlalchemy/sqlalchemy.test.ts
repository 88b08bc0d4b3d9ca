import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { quirksDesign } from '../interop/quirks-design';
import { goldenFolder } from '../testing/golden';
import { emitSqlalchemy } from '.';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('emitSqlalchemy', () => {
  it('writes the shop example in the tutorial’s own style', () => {
    expectGolden('shop.py', emitSqlalchemy(loadShopDesign()));
  });

  it('writes every feature of the design model', () => {
    expectGolden('every_feature.py', emitSqlalchemy(everyFeatureDesign));
  });

  it('steps around keywords, imported names, extra SERIALs and cycles', () => {
    expectGolden('quirks.py', emitSqlalchemy(quirksDesign));
  });

  it('writes the tutorial’s classes, keeping telegram_id from becoming a BIGSERIAL', () => {
    const out = emitSqlalchemy(loadShopDesign());
    expect(out).toContain('Base = declarative_base()');
    expect(out).toContain("class OrderProduct(Base):\n    __tablename__ = 'order_products'");
    expect(out).toContain('telegram_id = Column(BIGINT, primary_key=True, autoincrement=False)');
    expect(out).toContain('order_id = Column(Integer, primary_key=True, autoincrement=True)');
    expect(out).toContain(
      "referrer_id = Column(BIGINT, ForeignKey('users.telegram_id', ondelete='SET NULL'))",
    );
    expect(out).toContain('created_at = Column(TIMESTAMP, server_default=func.now())');
    expect(out).toContain(
      "order_id = Column(Integer, ForeignKey('orders.order_id', ondelete='CASCADE'), primary_key=True)",
    );
  });

  it('keeps the real column name when the attribute cannot have it', () => {
    const out = emitSqlalchemy(quirksDesign);
    expect(out).toContain("class_ = Column('class', TEXT, nullable=False)");
    expect(out).toContain("metadata_ = Column('metadata', JSONB)");
    expect(out).toContain("text_ = Column('text', TEXT, server_default=text(\"'a:b \\\\:c'\"))");
    expect(out).toMatch(/^class IndexTable\(Base\):$/m);
  });

  it('closes a foreign-key cycle with use_alter on exactly one key', () => {
    const out = emitSqlalchemy(quirksDesign);
    expect(out.match(/use_alter=True/g)).toHaveLength(1);
    expect(out).toContain("ForeignKey('a.id', name='c_a_id_fkey', use_alter=True)");
  });

  it('defines each enum once and reuses it', () => {
    const out = emitSqlalchemy(everyFeatureDesign);
    expect(out.match(/Enum\('happy'/g)).toHaveLength(1);
    expect(out).toContain('ARRAY(mood_enum)');
  });
});
