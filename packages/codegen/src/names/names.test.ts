import { describe, expect, it } from 'vitest';
import {
  camelCase,
  className,
  classNames,
  pascalCase,
  pythonIdentifier,
  pythonIdentifiers,
} from '.';

describe('className', () => {
  it.each([
    ['order_products', 'OrderProduct'],
    ['users', 'User'],
    ['categories', 'Category'],
    ['addresses', 'Address'],
    ['statuses', 'Status'],
    ['people', 'Person'],
    ['boxes', 'Box'],
    ['status', 'Status'],
    ['analytics', 'Analytics'],
    ['user_settings', 'UserSetting'],
    ['OrderItems', 'OrderItem'],
    ['2fa_codes', 'Table2faCode'],
    ['---', 'Table'],
  ])('%s becomes the class %s', (table, expected) => {
    expect(className(table)).toBe(expected);
  });

  it('reads names like constructor or __proto__ as words, not as Object.prototype members', () => {
    expect(className('constructor')).toBe('Constructor');
    expect(className('constructors')).toBe('Constructor');
    expect(className('__proto__')).toBe('Proto');
    expect(className('toString')).toBe('ToString');
  });

  it('never names a class like a keyword or a global the generated code uses', () => {
    expect([...classNames(['none', 'true', 'false', 'dates', 'objects']).values()]).toEqual([
      'NoneTable',
      'TrueTable',
      'FalseTable',
      'DateTable',
      'ObjectTable',
    ]);
  });

  it('never gives two tables the same class, nor an imported name', () => {
    const names = classNames(['users', 'user', 'Users', 'index'], new Set(['Index']));
    expect([...names.values()]).toEqual(['User', 'User2', 'User3', 'IndexTable']);
  });
});

describe('pythonIdentifier', () => {
  it.each([
    ['telegram_id', 'telegram_id'],
    ['class', 'class_'],
    ['from', 'from_'],
    ['metadata', 'metadata_'],
    ['registry', 'registry_'],
    ['2nd', '_2nd'],
    ['first name', 'first_name'],
    ['größe', 'größe'],
  ])('%s becomes %s', (name, expected) => {
    expect(pythonIdentifier(name)).toBe(expected);
  });

  it('steps around names the class body refers to', () => {
    expect(pythonIdentifier('text', new Set(['text', 'func']))).toBe('text_');
  });

  it('keeps identifiers of one class distinct', () => {
    expect([...pythonIdentifiers(['a-b', 'a_b', 'class', 'class_']).values()]).toEqual([
      'a_b_2',
      'a_b',
      'class__2',
      'class_',
    ]);
  });
});

describe('TypeScript case', () => {
  it('turns snake_case into camelCase and PascalCase', () => {
    expect(camelCase('order_products')).toBe('orderProducts');
    expect(pascalCase('order_products')).toBe('OrderProducts');
    expect(camelCase('telegram_id')).toBe('telegramId');
    expect(camelCase('createdAt')).toBe('createdAt');
  });
});
