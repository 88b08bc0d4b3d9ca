import { otherTypeShape, type TypeInfo } from '@retort/core';
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
    case 'OTHER':
      return otherValueType(info, imports);
  }
}

/** What psycopg2 hands back for a type kept in its `format_type` spelling. */
function otherValueType(info: TypeInfo, imports: PythonImports): string {
  const shape = otherTypeShape(info.element);
  if (shape.family === 'timestamp' || shape.family === 'time') {
    imports.module('datetime');
    return shape.family === 'time' ? 'datetime.time' : 'datetime.datetime';
  }
  if (shape.family === 'interval') {
    imports.module('datetime');
    return 'datetime.timedelta';
  }
  if (shape.family === 'bit') return 'str';
  // A domain, extension or composite type: what the driver returns depends on it.
  imports.from('typing', 'Any');
  return 'Any';
}
