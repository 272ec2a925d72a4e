import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { prepare, quoteIdent } from '../../platform/engine/engine.js';
import type { Engine } from '../../platform/engine/engine.js';
import {
  BBOX,
  DUCKDB_TYPE,
  ROW_ID,
  type Field,
  type FieldType,
  type GeometryInfo,
  type Warning,
} from './field.js';
import { firstMisfitSql, overrideExpr, type Inferred } from './infer.js';
import { inferColumns } from './infer-columns.js';
import { uniqueNames } from './names.js';
import { stageSource } from './sources/index.js';
import { collectStats } from './stats.js';
import { detectLatLon, plausibleLatLon } from './geometry.js';

export interface IngestInput {
  engine: Engine;
  file: string;
  format: string;
  workDir: string;
  sheet?: string | undefined;
  /** Types the publisher chose, by field name. */
  types?: Record<string, FieldType> | undefined;
}

export interface IngestResult {
  parquetFile: string;
  rows: number;
  fields: Field[];
  geometry: GeometryInfo | null;
  warnings: Warning[];
  encoding?: string | undefined;
}

export class IngestError extends Error {
  constructor(
    message: string,
    readonly warnings: Warning[] = [],
  ) {
    super(message);
  }
}

const TYPE_OF: Record<string, FieldType> = {
  BIGINT: 'integer',
  INTEGER: 'integer',
  SMALLINT: 'integer',
  TINYINT: 'integer',
  HUGEINT: 'integer',
  UBIGINT: 'integer',
  UINTEGER: 'integer',
  USMALLINT: 'integer',
  UTINYINT: 'integer',
  DOUBLE: 'decimal',
  FLOAT: 'decimal',
  BOOLEAN: 'boolean',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamp',
  VARCHAR: 'text',
};

const fieldTypeOf = (duckType: string): FieldType | null =>
  TYPE_OF[duckType] ?? (duckType.startsWith('DECIMAL') ? 'decimal' : null);

/** How a column DuckDB typed itself is written: times in UTC, all-midnight times as dates. */
function typedExpr(source: string, duckType: string, asDate: boolean): string {
  const col = quoteIdent(source);
  if (asDate) return `cast(${col} AS DATE)`;
  if (duckType === 'TIMESTAMP WITH TIME ZONE')
    return `cast(${col} AT TIME ZONE 'UTC' AS TIMESTAMP)`;
  return fieldTypeOf(duckType) ? col : `cast(${col} AS VARCHAR)`;
}

/** Timestamp columns whose every value is at midnight: dates that DuckDB read as times. */
async function midnightColumns(c: DuckDBConnection, columns: string[]): Promise<Set<string>> {
  if (columns.length === 0) return new Set();
  const tests = columns.map(
    (col, i) =>
      `coalesce(bool_and(${quoteIdent(col)} = date_trunc('day', ${quoteIdent(col)})), false) AS "m_${i}"`,
  );
  const row = (await rows(c, `SELECT ${tests.join(', ')} FROM staging`))[0] ?? {};
  return new Set(columns.filter((_, i) => row[`m_${i}`] === true));
}

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await (await prepare(c, sql, [])).runAndReadAll()).getRowObjectsJson();
}

/**
 * Reads a file into a table, infers each column's type over all its values, and writes one
 * Parquet file with a row id (and a bounding box for geographic rows). The Parquet file is
 * complete when this returns; nothing is published here.
 */
export async function ingestFile(input: IngestInput): Promise<IngestResult> {
  await mkdir(input.workDir, { recursive: true });
  const staged = await stageSource(input);
  const warnings: Warning[] = [...staged.warnings];
  try {
    return await input.engine.with(async (c) => {
      let typed = false;
      if (staged.typedRelation) {
        try {
          await c.run(`CREATE TEMP TABLE staging AS SELECT * FROM ${staged.typedRelation}`);
          typed = true;
        } catch {
          // A value that does not fit DuckDB's guess, or a ragged line: read it all as text.
          await c.run('DROP TABLE IF EXISTS staging');
        }
      }
      if (!typed) {
        try {
          await c.run(`CREATE TEMP TABLE staging AS SELECT * FROM ${staged.relation}`);
        } catch (err) {
          if (!staged.strictRelation) throw err;
          await c.run('DROP TABLE IF EXISTS staging');
          await c.run(`CREATE TEMP TABLE staging AS SELECT * FROM ${staged.strictRelation}`);
        }
      }
      if (staged.rejects && !typed) {
        for (const r of await rows(c, staged.rejects)) {
          warnings.push({
            line: Number(r.line),
            message: `line ${String(r.line)} skipped: ${String(r.error_type).toLowerCase().replace(/_/g, ' ')}`,
          });
        }
      }
      const described = await rows(c, 'DESCRIBE staging');
      const count = Number((await rows(c, 'SELECT count(*) AS n FROM staging'))[0]?.n ?? 0);
      if (described.length === 0) throw new IngestError('The file has no columns', warnings);
      if (count === 0) throw new IngestError('The file has a header but no rows of data', warnings);

      const sourceNames = described.map((d) => String(d.column_name));
      const names = uniqueNames(sourceNames, [
        ROW_ID,
        ...BBOX,
        ...(staged.geometry ? [] : ['geometry']),
      ]);
      names.forEach((n, i) => {
        if (
          n !== sourceNames[i] &&
          !(staged.geometry && BBOX.includes(sourceNames[i] as (typeof BBOX)[number]))
        ) {
          warnings.push({
            field: n,
            message: `column ${i + 1} "${sourceNames[i] ?? ''}" was renamed "${n}" (blank or repeated name)`,
          });
        }
      });

      // Text columns get their type from all their values; typed sources keep theirs.
      const textColumns = sourceNames.filter(
        (n, i) =>
          String(described[i]?.column_type) === 'VARCHAR' && !(staged.geometry && n === 'geometry'),
      );
      const inferred = await inferColumns(c, 'staging', textColumns);
      const midnight = await midnightColumns(
        c,
        sourceNames.filter((_, i) => String(described[i]?.column_type) === 'TIMESTAMP'),
      );

      const fields: Field[] = [];
      const selects: string[] = [`rowid + 1 AS ${quoteIdent(ROW_ID)}`];
      for (const [i, source] of sourceNames.entries()) {
        const name = names[i] ?? source;
        if (staged.geometry && BBOX.includes(source as (typeof BBOX)[number])) continue;
        const chosen = input.types?.[name];
        let pick: Inferred | undefined = inferred.get(source);
        let type: FieldType;
        let expr: string;
        if (staged.geometry && source === 'geometry') {
          type = 'text';
          expr = quoteIdent(source);
        } else if (chosen && pick) {
          type = chosen;
          expr = chosen === 'text' ? pick.expr : overrideExpr(source, chosen);
          if (chosen !== pick.type && chosen !== 'text') {
            const misfit = (await rows(c, firstMisfitSql('staging', source, chosen)))[0];
            if (misfit) {
              warnings.push({
                line: Number(misfit.row) + 1,
                field: name,
                message: `"${String(misfit.value)}" is not ${chosen}: loaded as empty`,
              });
            }
          }
          pick = undefined;
        } else if (pick) {
          type = pick.type;
          expr = pick.expr;
          if (pick.note) warnings.push({ field: name, message: `stays text: ${pick.note}` });
        } else {
          const duck = String(described[i]?.column_type);
          type = midnight.has(source) ? 'date' : (fieldTypeOf(duck) ?? 'text');
          expr = typedExpr(source, duck, midnight.has(source));
          if (chosen && chosen !== type) expr = `try_cast(${expr} AS ${DUCKDB_TYPE[chosen]})`;
          if (chosen) type = chosen;
        }
        selects.push(`${expr} AS ${quoteIdent(name)}`);
        fields.push({
          name,
          type,
          ...(name !== source ? { source_name: source } : {}),
          ...(pick?.format ? { format: pick.format } : {}),
          ...(staged.geometry && source === 'geometry' ? { geometry: true } : {}),
        });
      }
      let geometry: GeometryInfo | null = staged.geometry
        ? { kind: 'geojson', field: 'geometry' }
        : detectLatLon(fields);
      if (staged.geometry) for (const b of BBOX) selects.push(quoteIdent(b));

      const parquetFile = path.join(input.workDir, 'version.parquet');
      await c.run(
        // Insertion order is preserved by DuckDB's COPY, so _id follows the file's rows.
        `COPY (SELECT ${selects.join(', ')} FROM staging) TO '${parquetFile.replace(/'/g, "''")}' ` +
          `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
      );
      await c.run('DROP TABLE staging');
      const withStats = await collectStats(c, parquetFile, fields);
      geometry = plausibleLatLon(geometry, withStats);
      return {
        parquetFile,
        rows: count,
        fields: withStats,
        geometry,
        warnings,
        encoding: staged.encoding,
      };
    });
  } finally {
    await staged.cleanup();
  }
}

export async function fileSize(file: string): Promise<number> {
  return (await stat(file)).size;
}

export async function removeWorkDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
