import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import { READINGS, textExpr, type Inferred } from './infer.js';

// Expressions that write a text column of the source as the version's column: converted as its
// reading says and checked on every value in the single pass (a misfit aborts the statement),
// trimmed only where there may be something to trim, or kept empty as the sample was.

/** Raised inside a load's single pass when a value contradicts the type guessed from a sample. */
export const MISFIT = 'metrodata: a value does not fit the sampled type';

/** A column of the single pass: its expression, and what it reads from the source first. */
export interface GuardedColumn {
  expr: string;
  /** An expression the pass computes beside the source's columns, named by `parsedAs`. */
  parse?: string;
}

/**
 * A text column converted as `guess` says, failing the statement on any value that does not
 * read that way (the load then looks at every value instead). A value with spaces around it
 * fails too and takes the slower way, which trims. Text is trimmed only where there may be
 * something to trim. `parsedAs` names the column's parsed value where the reading parses once.
 */
export function guardedExpr(column: string, guess: Inferred, parsedAs: string): GuardedColumn {
  const v = sqlIdentifier(column);
  const reading = READINGS.find((r) => r.type === guess.type && r.format === guess.format);
  if (!reading) return { expr: tidyText(column) };
  const misfit = `ELSE error(${sqlString(MISFIT)}) END`;
  // No coalesce around the test: CASE sends NULL to ELSE anyway, and a bare condition lets
  // DuckDB stop at the first part of an AND that fails.
  if (reading.parsed) {
    const x = sqlIdentifier(parsedAs);
    return {
      expr: `CASE WHEN ${v} IS NULL THEN NULL WHEN ${reading.parsed.check(v, x)} THEN ${x} ${misfit}`,
      parse: reading.parsed.parse(v),
    };
  }
  return {
    expr: `CASE WHEN ${v} IS NULL THEN NULL WHEN ${reading.test(v)} THEN ${reading.cast(v)} ${misfit}`,
  };
}

/**
 * Values that trimming might change (DuckDB's trim() removes the space and the other Unicode
 * spaces, category Zs): empty or starting with a space or a control character, ending with a
 * space, or holding any character beyond ASCII. A value this passes wrongly is only trimmed
 * for nothing; these byte tests cost a quarter of looking up the first and last characters.
 */
export const untidy = (col: string) =>
  `${col} < '!' OR ends_with(${col}, ' ') OR strlen(${col}) <> length(${col})`;

/** A text column as loaded (trimmed, empty as null), trimming only the values that need it. */
function tidyText(column: string): string {
  const col = sqlIdentifier(column);
  return `CASE WHEN ${untidy(col)} THEN ${textExpr(column)} ELSE ${col} END`;
}

/** A column that must be empty throughout (as it was in the sample), or the statement fails. */
export function emptyOnlyExpr(column: string): string {
  return `CASE WHEN ${textExpr(column)} IS NULL THEN NULL ELSE error(${sqlString(MISFIT)}) END`;
}
