import { sqlIdentifier } from '../../../platform/engine/sql.js';
import type { ValueCheck } from '../member-checks.js';
import { failing } from './values.js';

// The statements that check a member's version: one pass counting the rows and the failures
// of every check, then, for the checks that fail, the first few rows that fail them.

/** How many examples a report shows of each problem. */
export const EXAMPLES = 5;

/** `rows`, and `c0`, `c1` ... the failures of each check, in one scan of the version. */
export function countsSql(relation: string, checks: readonly ValueCheck[]): string {
  const counts = checks.map((check, i) => `count_if(${failing(check)}) AS c${String(i)}`);
  return `SELECT ${['count(*) AS rows', ...counts].join(', ')} FROM ${relation}`;
}

/** The first rows failing a check: `row` (the `_id`, from 1) and the value as written. */
export function examplesSql(relation: string, check: ValueCheck): string {
  return (
    `SELECT "_id" AS row, CAST(${sqlIdentifier(check.column.name)} AS VARCHAR) AS value ` +
    `FROM ${relation} WHERE ${failing(check)} ORDER BY "_id" LIMIT ${String(EXAMPLES)}`
  );
}
