import { sqlIdentifier, sqlString } from '../../../platform/engine/sql.js';
import type { FieldType, Warning } from '../field.js';

// Type inference over whole columns of text. A column takes a type only if every non-empty
// value reads as it; otherwise it stays text and the report names the first value that did not.

/** A way to read text as a type: a test for a value and the expression that converts it. */
interface Reading {
  type: FieldType;
  format?: string;
  /** SQL true when the (trimmed, non-empty) value `v` reads this way. */
  test: (v: string) => string;
  cast: (v: string) => string;
  describe: string;
  /**
   * For the single pass: `parse` reads the raw value once, and `check` is `test` restated on
   * the parsed value `x`, which is then the column's value (parsing twice, as test and cast do,
   * cost a fifth of the pass).
   */
  parsed?: { parse: (v: string) => string; check: (v: string, x: string) => string };
}

const NUM = String.raw`-?\d+`;
const DEC = String.raw`-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?`;
const THOUSANDS = String.raw`-?\d{1,3}(,\d{3})+(\.\d+)?`;
/**
 * Codes are not numbers: a value with a leading zero (08123, 0161 234 5678; not 0, -0, 0.5) or
 * a whole number of more than 15 digits (beyond what a double holds exactly: UPRNs, long ids)
 * keeps its column as text, so the code is kept as written.
 */
const MAX_DIGITS = 15;
/** SQL true when `v` starts with a zero followed by a digit (after an optional minus). */
const leadingZero = (v: string) => `regexp_matches(${v}, '^-?0[0-9]')`;
/** The same for a value DuckDB reads as a number (so a zero is followed by a digit, e or .). */
const zeroFirst = (v: string) =>
  `(${v} LIKE '0_%' AND ${v} NOT LIKE '0.%' OR ${v} LIKE '-0_%' AND ${v} NOT LIKE '-0.%')`;
/** The digits of a whole number, ignoring sign and thousands separators. */
const wholeDigits = (v: string) => `length(regexp_replace(${v}, '[^0-9]', '', 'g'))`;
/** For a value of number characters: a whole number of more than 15 digits (no regex). */
const longWhole = (v: string) =>
  `(length(${v}) - starts_with(${v}, '-')::INTEGER > ${MAX_DIGITS} AND NOT contains(${v}, '.') AND NOT contains(${v}, 'e') AND NOT contains(${v}, 'E'))`;
/** SQL true for a whole number (maybe with thousands separators) too long to be a number. */
const tooLong = (v: string) =>
  `(${matches(v, String.raw`-?\d{1,3}(,\d{3})+|${NUM}`)} AND ${wholeDigits(v)} > ${MAX_DIGITS})`;

/**
 * A whole number `v` (parsed as BIGINT into `x`) written back exactly as it reads: no leading
 * zero, no sign but minus, at most 15 digits.
 */
const canonicalWhole = (v: string, x: string) =>
  `(cast(${x} AS VARCHAR) = ${v} OR ${v} = '-0') AND strlen(${v}) <= ${MAX_DIGITS} + starts_with(${v}, '-')::INTEGER`;

/**
 * What DuckDB reads as a finite number (`x`, parsed as DOUBLE), but not a code: the cheap
 * tests go first, as DuckDB skips the rest of an AND or OR once it is decided.
 */
const plainNumber = (v: string, x: string) =>
  `isfinite(${x}) AND (ascii(${v}) <> 48 AND NOT starts_with(${v}, '-0') OR NOT ${zeroFirst(v)}) ` +
  `AND (strlen(${v}) <= ${MAX_DIGITS} OR NOT ${longWhole(v)})`;

/** A number but for its leading zero: digits (spaces, commas, points) starting 0 and a digit. */
const codeWithZero = (v: string) =>
  `(${leadingZero(v)} AND ${matches(v, String.raw`-?\d[\d ,.]*`)})`;

/** SQL true when the whole of `v` matches the regular expression. */
const matches = (v: string, pattern: string) => `regexp_full_match(${v}, ${sqlString(pattern)})`;
const strip = (v: string, chars: string) => `regexp_replace(${v}, ${sqlString(chars)}, '', 'g')`;

export const READINGS: Reading[] = [
  {
    type: 'boolean',
    test: (v) => `lower(${v}) IN ('true', 'false', 'yes', 'no')`,
    cast: (v) => `lower(${v}) IN ('true', 'yes')`,
    describe: 'true/false or yes/no',
  },
  {
    type: 'integer',
    // Written back exactly as it reads (no leading zero, no sign but minus), at most 15 digits.
    test: (v) => canonicalWhole(v, `try_cast(${v} AS BIGINT)`),
    cast: (v) => `cast(${v} AS BIGINT)`,
    describe: 'a whole number',
    parsed: { parse: (v) => `try_cast(${v} AS BIGINT)`, check: canonicalWhole },
  },
  {
    type: 'integer',
    format: 'thousands',
    test: (v) =>
      `${matches(v, String.raw`-?[1-9]\d{0,2}(,\d{3})+|${NUM}`)} AND NOT ${leadingZero(v)} AND ${wholeDigits(v)} <= ${MAX_DIGITS}`,
    cast: (v) => `cast(${strip(v, ',')} AS BIGINT)`,
    describe: 'a whole number with thousands separators',
  },
  {
    type: 'decimal',
    // What DuckDB reads as a finite number (as its own typed read did before: a regular
    // expression on millions of values costs more than the rest of the load's checks).
    test: (v) => plainNumber(v, `try_cast(${v} AS DOUBLE)`),
    cast: (v) => `cast(${v} AS DOUBLE)`,
    describe: 'a number',
    parsed: { parse: (v) => `try_cast(${v} AS DOUBLE)`, check: plainNumber },
  },
  {
    type: 'decimal',
    format: 'thousands',
    test: (v) =>
      `${matches(v, `${THOUSANDS}|${DEC}`)} AND NOT ${leadingZero(v)} AND NOT ${tooLong(v)}`,
    cast: (v) => `cast(${strip(v, ',')} AS DOUBLE)`,
    describe: 'a number with thousands separators',
  },
  {
    type: 'decimal',
    format: 'currency-gbp',
    test: (v) =>
      `${matches(v, String.raw`-?£\s*(${THOUSANDS}|${DEC})`)} AND NOT ${leadingZero(strip(v, '[£\\s]'))}`,
    cast: (v) => `cast(${strip(v, '[£,\\s]')} AS DOUBLE)`,
    describe: 'an amount in pounds',
  },
  {
    type: 'decimal',
    format: 'percent',
    test: (v) => `${matches(v, String.raw`(${THOUSANDS}|${DEC})\s*%`)} AND NOT ${leadingZero(v)}`,
    cast: (v) => `cast(${strip(v, '[%,\\s]')} AS DOUBLE)`,
    describe: 'a percentage',
  },
  {
    type: 'date',
    test: (v) =>
      `${matches(v, String.raw`\d{4}-\d{2}-\d{2}`)} AND try_cast(${v} AS DATE) IS NOT NULL`,
    cast: (v) => `cast(${v} AS DATE)`,
    describe: 'a date (YYYY-MM-DD)',
  },
  {
    type: 'date',
    format: 'uk-date',
    test: (v) => `try_strptime(${v}, '%d/%m/%Y') IS NOT NULL`,
    cast: (v) => `cast(strptime(${v}, '%d/%m/%Y') AS DATE)`,
    describe: 'a UK date (DD/MM/YYYY)',
  },
  {
    type: 'timestamp',
    test: (v) =>
      `${matches(v, String.raw`\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?`)} AND try_cast(${v} AS TIMESTAMPTZ) IS NOT NULL`,
    cast: (v) => `cast(cast(${v} AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS TIMESTAMP)`,
    describe: 'a date and time (ISO 8601)',
  },
  {
    type: 'timestamp',
    format: 'uk-datetime',
    test: (v) =>
      `coalesce(try_strptime(${v}, '%d/%m/%Y %H:%M:%S'), try_strptime(${v}, '%d/%m/%Y %H:%M')) IS NOT NULL`,
    cast: (v) =>
      `coalesce(try_strptime(${v}, '%d/%m/%Y %H:%M:%S'), try_strptime(${v}, '%d/%m/%Y %H:%M'))`,
    describe: 'a UK date and time (DD/MM/YYYY HH:MM)',
  },
];

const value = (column: string) => `nullif(trim(${sqlIdentifier(column)}), '')`;
/** A text column's values as loaded: trimmed, empty as null. */
export const textExpr = value;

/** One query that counts, per text column and per reading, the values that do not read. */
export function inferenceSql(table: string, columns: string[]): string {
  const parts = columns.flatMap((c, ci) => [
    `count(${value(c)}) AS ${sqlIdentifier(`n_${ci}`)}`,
    `min(${value(c)}) FILTER (WHERE ${codeWithZero(value(c))}) AS ${sqlIdentifier(`z_${ci}`)}`,
    `min(${value(c)}) FILTER (WHERE ${tooLong(value(c))}) AS ${sqlIdentifier(`l_${ci}`)}`,
    ...READINGS.map(
      (r, ri) =>
        `count(*) FILTER (WHERE ${value(c)} IS NOT NULL AND NOT coalesce(${r.test(value(c))}, false)) AS ${sqlIdentifier(`f_${ci}_${ri}`)}`,
    ),
  ]);
  return `SELECT ${parts.join(', ')} FROM ${table}`;
}

/**
 * The readings tried first, without a regular expression among them: true/false, whole numbers
 * and plain numbers, in READINGS' order. When one fits every value of a column it is what the
 * whole list picks: the only reading between them, whole numbers with thousands separators,
 * fits a column of plain numbers only if plain whole numbers fit it too (DuckDB reads no comma
 * in a number). Only the columns none of them fits need the dozen readings and their notes.
 */
const QUICK = READINGS.filter(
  (r) => !r.format && ['boolean', 'integer', 'decimal'].includes(r.type),
);

/** Per text column, the values that do not read as each of the QUICK readings. */
export function quickInferenceSql(table: string, columns: string[]): string {
  const parts = columns.flatMap((c, ci) =>
    QUICK.map(
      (r, ri) =>
        `count(*) FILTER (WHERE ${value(c)} IS NOT NULL AND NOT coalesce(${r.test(value(c))}, false)) AS ${sqlIdentifier(`q_${ci}_${ri}`)}`,
    ),
  );
  return `SELECT ${parts.join(', ')} FROM ${table}`;
}

/** The first QUICK reading that every value of a column reads as, if any. */
export function pickQuick(columns: string[], counts: Record<string, unknown>): (Inferred | null)[] {
  return columns.map((c, ci) => {
    const reading = QUICK.find((_, ri) => Number(counts[`q_${ci}_${ri}`] ?? 1) === 0);
    return reading ? { type: reading.type, expr: reading.cast(value(c)) } : null;
  });
}

/**
 * Every reading needs a (trimmed) value that is a boolean word or starts with a digit, a minus
 * sign, a point or a pound sign; a value that is none of these reads as nothing.
 */
const readsAsNothing = (v: string) =>
  `NOT (lower(${v}) IN ('true', 'false', 'yes', 'no') OR regexp_matches(${v}, '^[-0-9.£]'))`;

/**
 * A cheap first look: per column, the values and those that read as nothing. A column where
 * more than 5% read as nothing is text, as trying every reading would find (and with no note).
 */
export function hopelessSql(table: string, columns: string[]): string {
  const parts = columns.flatMap((c, ci) => [
    `count(${value(c)}) AS ${sqlIdentifier(`n_${ci}`)}`,
    `count(*) FILTER (WHERE ${value(c)} IS NOT NULL AND ${readsAsNothing(value(c))}) AS ${sqlIdentifier(`h_${ci}`)}`,
  ]);
  return `SELECT ${parts.join(', ')} FROM ${table}`;
}

export const isHopeless = (counts: Record<string, unknown>, ci: number): boolean =>
  Number(counts[`h_${ci}`] ?? 0) > Number(counts[`n_${ci}`] ?? 0) * 0.05;

export interface Inferred {
  type: FieldType;
  format?: string;
  /** SQL converting the column to its type. */
  expr: string;
  /** Why a column that almost had a type stayed text, for the report. */
  note?: string;
}

/** Picks each column's reading from the counts of `inferenceSql`. */
export function pickTypes(columns: string[], counts: Record<string, unknown>): Inferred[] {
  return columns.map((c, ci) => {
    const n = Number(counts[`n_${ci}`] ?? 0);
    const text: Inferred = { type: 'text', expr: value(c) };
    if (n === 0) return text;
    const fails = READINGS.map((_, ri) => Number(counts[`f_${ci}_${ri}`] ?? 0));
    const index = fails.findIndex((f) => f === 0);
    const reading = READINGS[index];
    if (reading) {
      return {
        type: reading.type,
        ...(reading.format ? { format: reading.format } : {}),
        expr: reading.cast(value(c)),
      };
    }
    // Codes that look like numbers: say why they stay text.
    const zero = counts[`z_${ci}`];
    if (typeof zero === 'string') {
      return { ...text, note: `kept as text: values like ${zero} have leading zeros` };
    }
    const long = counts[`l_${ci}`];
    if (typeof long === 'string') {
      const why = `more than ${MAX_DIGITS} significant digits`;
      return { ...text, note: `kept as text: values like ${long} have ${why}` };
    }
    // Nearly one type: say so, so the publisher can fix the file or override the type.
    const best = fails.reduce((b, f, i) => (f < (fails[b] ?? Infinity) ? i : b), 0);
    const near = READINGS[best];
    if (near && (fails[best] ?? n) <= n * 0.05) {
      return {
        ...text,
        note: `stays text: ${fails[best]} of ${n} values are not ${near.describe}`,
      };
    }
    return text;
  });
}

/** SQL finding the first value of a column that does not read as `type` (for warnings). */
export function firstMisfitSql(table: string, column: string, type: FieldType): string {
  const tests = READINGS.filter((r) => r.type === type).map((r) => r.test(value(column)));
  const fits = tests.length > 0 ? `coalesce(${tests.join(' OR ')}, false)` : 'true';
  return `SELECT rowid + 1 AS row, ${value(column)} AS value FROM ${table} WHERE ${value(column)} IS NOT NULL AND NOT (${fits}) ORDER BY rowid LIMIT 1`;
}

/** The conversion for a type the publisher chose: values that do not read become null. */
export function overrideExpr(column: string, type: FieldType): string {
  const v = value(column);
  const casts = READINGS.filter((r) => r.type === type).map(
    (r) => `CASE WHEN coalesce(${r.test(v)}, false) THEN ${r.cast(v)} END`,
  );
  return casts.length > 0 ? `coalesce(${casts.join(', ')})` : v;
}

export type { Warning };
