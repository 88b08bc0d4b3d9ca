import type { TypeInfo } from '@retort/core';
import type { PythonImports } from '../python';

/** The Python type a column holds, for `Mapped[...]`, importing what it needs. */
export function pythonValueType(info: TypeInfo, imports: PythonImports): string {
  const element = elementType(info, imports);
  if (!info.array) return element;
  imports.from('typing', 'List');
  return `List[${element}]`;
}

function elementType(info: TypeInfo, imports: PythonImports): string {
  switch (info.base) {
    case 'SMALLINT':
    case 'INTEGER':
    case 'BIGINT':
      return 'int';
    case 'NUMERIC':
      imports.module('decimal');
      return 'decimal.Decimal';
    case 'REAL':
    case 'DOUBLE PRECISION':
      return 'float';
    case 'BOOLEAN':
      return 'bool';
    case 'VARCHAR':
    case 'CHAR':
    case 'TEXT':
    case 'INET':
    case 'ENUM':
      return 'str';
    case 'DATE':
      imports.module('datetime');
      return 'datetime.date';
    case 'TIME':
      imports.module('datetime');
      return 'datetime.time';
    case 'TIMESTAMP':
    case 'TIMESTAMPTZ':
      imports.module('datetime');
      return 'datetime.datetime';
    case 'INTERVAL':
      imports.module('datetime');
      return 'datetime.timedelta';
    case 'UUID':
      imports.module('uuid');
      return 'uuid.UUID';
    case 'JSON':
    case 'JSONB':
      imports.from('typing', 'Any');
      return 'Any';
    case 'BYTEA':
      return 'bytes';
  }
}
