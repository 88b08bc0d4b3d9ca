/**
 * The session settings the SQL Retort renders relies on, set at the start of every run (and
 * of every preflight) for that transaction only: a database configured otherwise
 * (`standard_conforming_strings = off` makes `\` an escape in '...' literals; another
 * `search_path` finds other tables) must not change what the reviewed SQL means.
 */
export const SESSION_SETTINGS = [
  'SET LOCAL standard_conforming_strings = on',
  'SET LOCAL search_path = public',
  "SET LOCAL client_encoding = 'UTF8'",
] as const;
