import { rm } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { oneRow, prepare } from '../../platform/engine/engine.js';
import { sqlIdentifier } from '../../platform/engine/sql.js';
import type { Field, IngestResult, Warning } from './field.js';
import { detectLatLon, plausibleLatLon } from './geometry.js';
import { fieldNames } from './names.js';
import type { StagedSource } from './sources/source.js';
import {
  DESCRIBE_SAMPLE_SQL,
  directCopySql,
  DROP_SAMPLE_SQL,
  midnightDateExpr,
  midnightSql,
  SAMPLE,
  sampleSql,
} from './sql/direct.js';
import { guessFromSample } from './sql/infer-columns.js';
import { emptyOnlyExpr, guardedExpr } from './sql/write-exprs.js';
import { CLEAR_REJECTS_SQL, CSV_REJECT_KINDS_SQL } from './sql/read-files.js';
import { collectStats, copiedStats } from './sql/stats.js';

// The fast way to load a CSV file: one read of the file, written straight to Parquet. Types are
// guessed from the first rows and every value is checked against them while it is written; a
// value that does not fit, or a ragged row, sends the load the slower way (a staging table,
// every value looked at, short rows padded), which gives the same answer for any file.

/** The answer that sends the load the slower way. */
const SLOWER = null;

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await (await prepare(c, sql, [])).runAndReadAll()).getRowObjectsJson();
}

interface Plan {
  fields: Field[];
  selects: string[];
  /** Values parsed beside the source's columns, for the selects to check and keep. */
  parsed: string[];
  warnings: Warning[];
}

/** A name for a parsed value that no source column has. */
function parsedName(i: number, taken: Set<string>): string {
  let name = `parsed_${i}`;
  while (taken.has(name)) name = `_${name}`;
  return name;
}

/** Each column's type and the expression writing it, from the sample's values. */
async function planFromSample(c: DuckDBConnection): Promise<Plan | null> {
  const described = await rows(c, DESCRIBE_SAMPLE_SQL);
  const sourceNames = described.map((d) => String(d.column_name));
  const types = described.map((d) => String(d.column_type));
  if (sourceNames.length === 0) return null;
  const plan: Plan = { fields: [], selects: [], parsed: [], warnings: [] };
  const taken = new Set(sourceNames);
  const names = fieldNames(sourceNames, false, plan.warnings);
  const text = sourceNames.filter((_, i) => types[i] === 'VARCHAR');
  const guesses = await guessFromSample(c, SAMPLE, text);
  const times = sourceNames.filter((_, i) => types[i] === 'TIMESTAMP');
  const midnight = times.length > 0 ? await oneRow(c, midnightSql(times)) : {};
  for (const [i, source] of sourceNames.entries()) {
    const name = names[i] ?? source;
    const type = types[i];
    let field: Field;
    let expr: string;
    if (type === 'VARCHAR') {
      const sampled = guesses[text.indexOf(source)];
      if (!sampled) return null;
      const { guess, values } = sampled;
      field = { name, type: guess.type, ...(guess.format ? { format: guess.format } : {}) };
      // A column empty in the sample may hold anything further down: it must stay empty.
      if (values === 0) expr = emptyOnlyExpr(source);
      else {
        const as = parsedName(i, taken);
        const guarded = guardedExpr(source, guess, as);
        expr = guarded.expr;
        if (guarded.parse) plan.parsed.push(`${guarded.parse} AS ${sqlIdentifier(as)}`);
      }
      if (guess.note) plan.warnings.push({ field: name, message: guess.note });
    } else if (type === 'TIMESTAMP') {
      const dates = midnight[`midnight_${times.indexOf(source)}`] === true;
      field = { name, type: dates ? 'date' : 'timestamp' };
      expr = dates ? midnightDateExpr(source) : sqlIdentifier(source);
    } else if (type === 'TIMESTAMP WITH TIME ZONE') {
      field = { name, type: 'timestamp' };
      expr = `cast(${sqlIdentifier(source)} AT TIME ZONE 'UTC' AS TIMESTAMP)`;
    } else {
      return null;
    }
    if (name !== source) field.source_name = source;
    plan.fields.push(field);
    plan.selects.push(`${expr} AS ${sqlIdentifier(name)}`);
  }
  return plan;
}

/** What DuckDB set aside during the pass, by kind ('TOO MANY COLUMNS', 'MISSING COLUMNS' …). */
async function rejectKinds(c: DuckDBConnection): Promise<Map<string, number>> {
  const kinds = await rows(c, CSV_REJECT_KINDS_SQL).catch(() => []);
  return new Map(kinds.map((k) => [String(k.error_type), Number(k.n)]));
}

/**
 * Loads `staged.direct` in one pass into `parquetFile`, or answers null for the slower
 * way (leaving no file behind). Lines with too many fields are set aside and reported, as the
 * slower way does; anything else set aside (a short row, a value DuckDB could not read as the
 * time it guessed) means the slower way.
 */
export async function ingestDirect(
  c: DuckDBConnection,
  staged: StagedSource,
  parquetFile: string,
): Promise<IngestResult | null> {
  if (!staged.direct) return SLOWER;
  let relation: string | null;
  try {
    const [sniffed] = await rows(c, staged.direct.sniff);
    relation = sniffed ? staged.direct.relation(sniffed) : null;
  } catch {
    return SLOWER;
  }
  if (!relation) return SLOWER;
  try {
    try {
      await c.run(sampleSql(relation));
    } catch {
      return SLOWER;
    }
    const plan = await planFromSample(c);
    if (!plan) return SLOWER;
    let returned: Record<string, unknown> | undefined;
    try {
      await c.run(CLEAR_REJECTS_SQL);
      [returned] = await rows(c, directCopySql(relation, plan.selects, plan.parsed, parquetFile));
    } catch {
      await rm(parquetFile, { force: true });
      return SLOWER;
    }
    const count = Number(returned?.count ?? 0);
    const kinds = await rejectKinds(c);
    const tooMany = kinds.get('TOO MANY COLUMNS') ?? 0;
    const setAside = [...kinds.values()].reduce((a, b) => a + b, 0);
    if (count === 0 || setAside > tooMany) {
      await rm(parquetFile, { force: true });
      return SLOWER;
    }
    const warnings = [...staged.warnings, ...plan.warnings];
    if (tooMany > 0 && staged.rejects) {
      for (const r of await rows(c, staged.rejects)) {
        warnings.push({
          line: Number(r.line),
          message: `line ${String(r.line)} skipped: ${String(r.error_type).toLowerCase().replace(/_/g, ' ')}`,
        });
      }
    }
    const known = plan.fields.map((f) => copiedStats(returned, f.name, count));
    const fields = await collectStats(c, parquetFile, plan.fields, known);
    return {
      parquetFile,
      rows: count,
      fields,
      geometry: plausibleLatLon(detectLatLon(fields), fields),
      warnings,
      encoding: staged.encoding,
    };
  } finally {
    await c.run(DROP_SAMPLE_SQL);
  }
}
