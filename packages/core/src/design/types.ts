/**
 * The design model: what `design.json` (format `retort.design/2`; `retort.design/1` files
 * are read as well and upgraded on load) holds once read and normalised. Every optional field of the file is filled with its documented default, so
 * code that receives a `Design` never checks for `undefined`.
 *
 * `id`s are stable and opaque; names are what users edit. Foreign keys, uniques and indexes
 * point at column and table ids, so a rename is a rename, not a drop and an add.
 */

export const DESIGN_FORMAT = 'retort.design/2';
/** The formats Retort reads: /2 adds what /1 could not say, so a /1 file is a valid /2 one. */
export const READABLE_DESIGN_FORMATS: readonly string[] = ['retort.design/1', DESIGN_FORMAT];

export type ReferentialAction = 'CASCADE' | 'SET NULL' | 'SET DEFAULT' | 'RESTRICT' | 'NO ACTION';

export interface Position {
  x: number;
  y: number;
}

export interface ColumnDefault {
  /** One SQL expression, e.g. `now()`, `0`, `'new'`. */
  sql: string;
}

export interface Column {
  id: string;
  name: string;
  /**
   * Canonical spelling for the types Retort knows (`VARCHAR(255)`, `TEXT[]`, an enum's
   * name), `format_type`'s for any other (`timestamp(6) without time zone`, `citext`); see
   * `normalizeColumnType`.
   */
  type: string;
  nullable: boolean;
  primaryKey: boolean;
  /** SERIAL / BIGSERIAL / SMALLSERIAL, as SQLAlchemy and Alembic emit them. */
  autoincrement: boolean;
  unique: boolean;
  default: ColumnDefault | null;
  comment: string | null;
}

export interface ForeignKey {
  id: string;
  name: string | null;
  /** Column ids of this table. */
  columns: string[];
  references: { table: string; columns: string[] };
  onDelete: ReferentialAction | null;
  onUpdate: ReferentialAction | null;
}

export interface UniqueConstraint {
  id: string;
  name: string | null;
  columns: string[];
}

export interface Index {
  id: string;
  name: string | null;
  columns: string[];
  unique: boolean;
}

export interface CheckConstraint {
  id: string;
  name: string | null;
  expression: string;
}

export interface Table {
  id: string;
  name: string;
  comment: string | null;
  /** Canvas position; null when the design was never laid out. */
  position: Position | null;
  columns: Column[];
  foreignKeys: ForeignKey[];
  uniques: UniqueConstraint[];
  indexes: Index[];
  checks: CheckConstraint[];
  /** Header colour on the canvas, `#rrggbb`; absent: the theme's (see `canvas-data.ts`). */
  color?: string;
}

export interface EnumType {
  id: string;
  name: string;
  values: string[];
}

export interface Design {
  format: typeof DESIGN_FORMAT;
  name: string;
  enums: EnumType[];
  tables: Table[];
  /** Notes and subject areas on the canvas; absent: none (see `canvas-data.ts`). */
  canvas?: CanvasData;
}

/** A note on the canvas: text in a box (see `canvas-data.ts`). */
export interface CanvasNote {
  id: string;
  text: string;
  position: Position;
  width: number;
  height: number;
}

export interface SubjectArea {
  id: string;
  name: string;
  /** `#rrggbb`. */
  color: string;
  position: Position;
  width: number;
  height: number;
}

export interface CanvasData {
  notes: CanvasNote[];
  areas: SubjectArea[];
}
