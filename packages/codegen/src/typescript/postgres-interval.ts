/** The parts of a postgres-interval object, what node-postgres returns for INTERVAL. */
export const POSTGRES_INTERVAL_FIELDS: readonly string[] = [
  '  years?: number;',
  '  months?: number;',
  '  days?: number;',
  '  hours?: number;',
  '  minutes?: number;',
  '  seconds?: number;',
  '  milliseconds?: number;',
];
