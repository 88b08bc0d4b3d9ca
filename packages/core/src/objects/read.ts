/**
 * Reading `design.objects` from design.json: each field checked for its JSON type, unknown
 * fields dropped, problems reported by path beside the rest of the design's.
 */
import { DATABASE_WIDE_KINDS, type DesignObject, OBJECT_KINDS, type ObjectKind } from './types';
import type { ViewColumn } from './view-columns';

type Json = Record<string, unknown>;
type Report = (path: string, message: string) => void;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : `${typeof value}`;
}

/** The objects of a design file; undefined when it has none (the field stays absent). */
export function readObjects(value: unknown, report: Report): DesignObject[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    report('objects', `must be a list, not ${describe(value)}.`);
    return undefined;
  }
  if (value.length === 0) return undefined;
  return value.map((item, i) => readObject(item, `objects[${i}]`, report));
}

function readObject(value: unknown, path: string, report: Report): DesignObject {
  const obj: Json =
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
  if (obj !== value) report(path, `must be an object, not ${describe(value)}.`);
  const text = (key: string): string => {
    const v = obj[key];
    if (typeof v === 'string') return v;
    report(`${path}.${key}`, v === undefined ? 'is missing.' : `must be text, not ${describe(v)}.`);
    return '';
  };
  const nullableText = (key: string): string | null => {
    const v = obj[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v;
    report(`${path}.${key}`, `must be text or null, not ${describe(v)}.`);
    return null;
  };
  const kindValue = obj.kind;
  let kind: ObjectKind = 'view';
  if (typeof kindValue === 'string' && (OBJECT_KINDS as readonly string[]).includes(kindValue)) {
    kind = kindValue as ObjectKind;
  } else {
    report(
      `${path}.kind`,
      `must be one of ${OBJECT_KINDS.join(', ')}, not ${kindValue === undefined ? 'missing' : describe(kindValue)}.`,
    );
  }
  const deps = obj.dependsOn;
  let dependsOn: string[] = [];
  if (Array.isArray(deps)) {
    dependsOn = deps.flatMap((d, i) => {
      if (typeof d === 'string') return [d];
      report(`${path}.dependsOn[${i}]`, `must be an id (text), not ${describe(d)}.`);
      return [];
    });
  } else if (deps !== undefined && deps !== null) {
    report(`${path}.dependsOn`, `must be a list of ids, not ${describe(deps)}.`);
  }
  const position = readPosition(obj.position, `${path}.position`, report);
  const columns = readColumns(obj.columns, `${path}.columns`, report);
  return {
    id: text('id'),
    kind,
    schema:
      typeof obj.schema === 'string'
        ? obj.schema
        : (nullableText('schema') ?? (DATABASE_WIDE_KINDS.includes(kind) ? '' : 'public')),
    name: text('name'),
    table: nullableText('table'),
    definition: text('definition'),
    comment: nullableText('comment'),
    dependsOn,
    ...(position ? { position } : {}),
    ...(columns ? { columns } : {}),
  };
}

function readPosition(
  value: unknown,
  path: string,
  report: Report,
): { x: number; y: number } | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report(path, `must be an object {x, y}, not ${describe(value)}.`);
    return null;
  }
  const { x, y } = value as Json;
  const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
  if (!finite(x)) report(`${path}.x`, `must be a number, not ${describe(x)}.`);
  if (!finite(y)) report(`${path}.y`, `must be a number, not ${describe(y)}.`);
  return finite(x) && finite(y) ? { x, y } : null;
}

function readColumns(value: unknown, path: string, report: Report): ViewColumn[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) {
    report(path, `must be a list of columns, not ${describe(value)}.`);
    return undefined;
  }
  return value.flatMap((c, i) => {
    const column = c !== null && typeof c === 'object' ? (c as Json) : {};
    if (typeof column.name === 'string' && typeof column.type === 'string') {
      return [{ name: column.name, type: column.type }];
    }
    report(
      `${path}[${i}]`,
      `must be a column: { "name": text, "type": text }, not ${describe(c)}.`,
    );
    return [];
  });
}
