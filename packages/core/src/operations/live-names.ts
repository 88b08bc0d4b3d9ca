import { qualifiedName } from '../naming/qualified-names';
import { unhandledOperation } from './exhaustive';
import { isStandaloneObjectOperation } from './standalone-objects';
import type { Operation } from './types';

/**
 * Walking an operation list with the names of the moment: maps a table or column name as of
 * an operation back to the name it had before the list ran, through the renames earlier in
 * the list, and to `null` for what the list itself created (it holds no rows yet). Preflight
 * counts rows by it; lint tells a new table from one with rows by it.
 */
export class LiveNames {
  private tables = new Map<string, string | null>();
  private columns = new Map<string, Map<string, string | null>>();

  table(name: string): string | null {
    return this.tables.has(name) ? this.tables.get(name)! : name;
  }

  column(table: string, name: string): string | null {
    const map = this.columns.get(table);
    return map?.has(name) ? map.get(name)! : name;
  }

  follow(op: Operation): void {
    if (isStandaloneObjectOperation(op)) return;
    switch (op.kind) {
      case 'create_table':
        this.tables.set(op.table.name, null);
        break;
      case 'rename_table': {
        this.tables.set(op.to, this.table(op.from));
        this.columns.set(op.to, this.columns.get(op.from) ?? new Map());
        break;
      }
      case 'add_column':
        this.columnMap(op.table).set(op.column.name, null);
        break;
      case 'alter_column':
        if (op.before.name !== op.after.name) {
          this.columnMap(op.table).set(op.after.name, this.column(op.table, op.before.name));
        }
        break;
      case 'set_table_schema': {
        const from = qualifiedName(op.from, op.table);
        const to = qualifiedName(op.to, op.table);
        this.tables.set(to, this.table(from));
        this.columns.set(to, this.columns.get(from) ?? new Map());
        break;
      }
      case 'create_schema':
      case 'drop_schema':
      case 'set_schema_comment':
      case 'set_enum_schema':
      case 'attach_partition':
      case 'detach_partition':
      case 'drop_table':
      case 'set_table_comment':
      case 'drop_column':
      case 'create_primary_key':
      case 'drop_primary_key':
      case 'create_foreign_key':
      case 'drop_foreign_key':
      case 'create_unique':
      case 'drop_unique':
      case 'create_index':
      case 'drop_index':
      case 'create_check':
      case 'drop_check':
      case 'set_check_validity':
      case 'create_exclusion':
      case 'drop_exclusion':
      case 'set_exclusion_comment':
      case 'set_constraint_comment':
      case 'set_index_comment':
      case 'create_enum':
      case 'drop_enum':
      case 'rename_enum':
      case 'alter_enum':
      case 'rename_constraint':
      case 'rename_index':
      case 'execute':
        break;
      default:
        unhandledOperation(op);
    }
  }

  private columnMap(table: string): Map<string, string | null> {
    let map = this.columns.get(table);
    if (!map) {
      map = new Map();
      this.columns.set(table, map);
    }
    return map;
  }
}
