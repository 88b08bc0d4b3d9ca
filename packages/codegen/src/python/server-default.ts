import { PythonImports } from './imports';
import { pythonText } from './literal';

export interface ServerDefault {
  expr: string;
  imports: PythonImports;
}

const NOW = /^\s*now\s*\(\s*\)\s*$/i;

/**
 * `server_default=` for a SQL default. Models: `func.now()` for `now()` (the tutorial's
 * spelling), `text("...")` otherwise. Alembic: `sa.text('now()')`, as autogenerate writes it.
 */
export function renderServerDefault(sql: string, style: 'model' | 'alembic'): ServerDefault {
  const imports = new PythonImports();
  if (style === 'alembic') {
    imports.module('sqlalchemy as sa');
    return { expr: pythonText(sql.trim(), 'sa.text', "'"), imports };
  }
  if (NOW.test(sql)) {
    imports.from('sqlalchemy.sql', 'func');
    return { expr: 'func.now()', imports };
  }
  imports.from('sqlalchemy', 'text');
  return { expr: pythonText(sql.trim(), 'text', '"'), imports };
}
