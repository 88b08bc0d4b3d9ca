import { everyFeatureDesign, loadShopDesign } from '@retort/testing/designs';
import { describe, expect, it } from 'vitest';
import { quirksDesign } from '../interop/quirks-design';
import { goldenFolder } from '../testing/golden';
import { emitSqlalchemy2 } from '.';

const expectGolden = goldenFolder(new URL('./golden/', import.meta.url));

describe('emitSqlalchemy2', () => {
  it('writes the shop example in 2.0 style with relationship pairs', () => {
    expectGolden('shop.py', emitSqlalchemy2(loadShopDesign()));
  });

  it('writes every feature of the design model', () => {
    expectGolden('every_feature.py', emitSqlalchemy2(everyFeatureDesign));
  });

  it('steps around keywords, imported names, extra SERIALs and cycles', () => {
    expectGolden('quirks.py', emitSqlalchemy2(quirksDesign));
  });

  it('says NULL and NOT NULL by the annotation', () => {
    const out = emitSqlalchemy2(loadShopDesign());
    expect(out).toContain('class Base(DeclarativeBase):');
    expect(out).toContain('full_name: Mapped[str] = mapped_column(VARCHAR(255))');
    expect(out).toContain('username: Mapped[Optional[str]] = mapped_column(VARCHAR(255))');
  });

  it('pairs each foreign key with back_populates on both sides', () => {
    const out = emitSqlalchemy2(loadShopDesign());
    expect(out).toContain("user: Mapped['User'] = relationship('User', back_populates='orders')");
    expect(out).toContain(
      "orders: Mapped[List['Order']] = relationship('Order', back_populates='user')",
    );
    expect(out).toContain("remote_side='[User.telegram_id]'");
  });

  it('tells two keys to the same table apart by foreign_keys', () => {
    const out = emitSqlalchemy2(quirksDesign);
    expect(out).toContain("foreign_keys='[Ticket.opened_by]'");
    expect(out).toContain("foreign_keys='[Ticket.closed_by]'");
    expect(out).toContain("opened_by_index: Mapped[Optional['IndexTable']]");
  });
});
