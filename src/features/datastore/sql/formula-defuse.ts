import type { ExportFormat } from '../export-formats.js';

// OWASP's advice against CSV (formula) injection: a text cell that starts with = + - @, a tab
// or a carriage return is run by a spreadsheet as a formula, so it is written with a single
// quote in front, which spreadsheets show as text. Only in the formats people open in one:
// JSON, NDJSON, GeoJSON and Parquet are for programs and keep the data as it is. Done in the
// export's SQL, so DuckDB still writes the file itself.

const SPREADSHEET_FORMATS = new Set<ExportFormat>(['csv', 'tsv', 'xlsx']);

export const defusesFormulas = (fmt: ExportFormat): boolean => SPREADSHEET_FORMATS.has(fmt);

/** = + - @, tab and carriage return, as the code points unicode() gives for a first character. */
const FORMULA_CODES = [61, 43, 45, 64, 9, 13].join(', ');

/**
 * A text column's SQL expression, with a quote before any value a spreadsheet would run. The
 * first character's code point is compared rather than left(…, 1): a quarter of the CPU, which
 * counts on every text cell of a 2M-row export.
 */
export function defusedText(expr: string): string {
  return `CASE WHEN unicode(${expr}) IN (${FORMULA_CODES}) THEN '''' || ${expr} ELSE ${expr} END`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** The same rule for a value already in hand (results that are not written by DuckDB). */
export const defusedCell = (text: string): string => (FORMULA_START.test(text) ? `'${text}` : text);
