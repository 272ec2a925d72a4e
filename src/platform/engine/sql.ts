// The one place DuckDB SQL text is quoted: every identifier and string literal the app writes
// into SQL goes through these two, so an escaping bug has one place to be fixed. Values from
// requests are bound as parameters ($1) instead; these are for names, which cannot be, and for
// the file paths and options of COPY and read_* expressions composed into larger statements.

/** A lone UTF-16 surrogate: it cannot be sent as UTF-8, so DuckDB would read U+FFFD instead. */
const LONE_SURROGATE = /\p{Cs}/u;

function refuseUnsendable(text: string, what: string): void {
  const preview = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  // DuckDB's parser stops at a NUL, so the rest of the statement would be lost or misread.
  if (text.includes('\u0000')) {
    throw new Error(`${what} ${preview} contains a NUL character (U+0000), which SQL cannot hold`);
  }
  if (LONE_SURROGATE.test(text)) {
    throw new Error(`${what} ${preview} is not valid Unicode (it has a lone surrogate)`);
  }
}

/**
 * A name (column, table, alias) as a DuckDB identifier: in double quotes with each `"` doubled,
 * so any text names exactly itself, keywords and all. Throws for text no identifier can hold.
 */
export function sqlIdentifier(name: string): string {
  if (name === '') throw new Error('An SQL identifier cannot be empty');
  refuseUnsendable(name, 'The SQL identifier');
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Text as a DuckDB string literal: in single quotes with each `'` doubled. A backslash is an
 * ordinary character in DuckDB literals (standard SQL; only E'...' strings escape), so nothing
 * else is escaped. Throws for text no literal can hold.
 */
export function sqlString(text: string): string {
  refuseUnsendable(text, 'The SQL string');
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A value as a DuckDB literal, for SQL text shown to people to run themselves (an indicator's
 * query): text as sqlString, numbers as written, booleans and null as keywords.
 */
export function sqlLiteral(value: string | number | boolean | bigint | null): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return sqlString(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Error(`The number ${String(value)} has no SQL literal`);
  }
  return String(value);
}
