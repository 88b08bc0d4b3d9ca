export type LintLevel = 'error' | 'warning' | 'notice';

/** One thing a reviewer must see before applying: can it lose data, fail on rows, or lock. */
export interface LintFinding {
  /** Stable code, Atlas- or squawk-style: `DS103` (drop column), `MF103` (new NOT NULL), `changing-column-type`, ... */
  code: string;
  /** The other tool's codes for the same problem (squawk's `ban-drop-column` for `DS103`). */
  aliases?: string[];
  level: LintLevel;
  message: string;
  /** Index of the operation it concerns in the operation list. */
  operation: number;
}
