import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { prepare } from '../../platform/engine/engine.js';
import type { Engine } from '../../platform/engine/engine.js';
import {
  BBOX,
  type FieldType,
  type GeometryInfo,
  type IngestResult,
  type Warning,
} from './field.js';
import { fieldNames } from './names.js';
import { ingestDirect } from './ingest-direct.js';
import type { StagedSource } from './sources/source.js';
import { CLEAR_REJECTS_SQL, CSV_REJECT_KINDS_SQL } from './sql/read-files.js';
import { stageSource } from './sources/index.js';
import { inferColumns } from './sql/infer-columns.js';
import { planColumns } from './sql/plan-columns.js';
import {
  COUNT_STAGING_SQL,
  DESCRIBE_STAGING_SQL,
  DROP_STAGING_IF_ANY_SQL,
  DROP_STAGING_SQL,
  STAGING,
  stageSql,
  writeVersionSql,
} from './sql/staging.js';
import { collectStats } from './sql/stats.js';
import type { ZipLimits } from './sources/source.js';
import { detectLatLon, plausibleLatLon } from './geometry.js';

export interface IngestInput {
  engine: Engine;
  file: string;
  format: string;
  workDir: string;
  sheet?: string | undefined;
  /** Types the publisher chose, by field name. */
  types?: Record<string, FieldType> | undefined;
  /** Where to write the Parquet file (in a folder DuckDB may write); workDir by default. */
  parquetFile?: string | undefined;
  /** How far a zipped source (XLSX) may expand (the config's upload limits). */
  zipLimits?: ZipLimits | undefined;
}

export type { IngestResult };

export class IngestError extends Error {
  constructor(
    message: string,
    readonly warnings: Warning[] = [],
  ) {
    super(message);
  }
}

async function rows(c: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await (await prepare(c, sql, [])).runAndReadAll()).getRowObjectsJson();
}

/**
 * Reads the source into the staging table, every column as text. A CSV file is read first
 * with short rows set aside; if there were some, it is read again with them padded with nulls
 * (when DuckDB can pad this file: quoted line breaks can defeat it, and then the short rows
 * stay set aside, each reported by line). Returns how many rows were padded.
 */
async function stage(c: DuckDBConnection, staged: StagedSource): Promise<number> {
  if (!staged.strictRelation) {
    await c.run(stageSql(staged.relation));
    return 0;
  }
  await c.run(CLEAR_REJECTS_SQL);
  await c.run(stageSql(staged.strictRelation));
  const kinds = await rows(c, CSV_REJECT_KINDS_SQL);
  const short = Number(kinds.find((k) => k.error_type === 'MISSING COLUMNS')?.n ?? 0);
  if (short === 0) return 0;
  const strictCount = Number((await rows(c, COUNT_STAGING_SQL))[0]?.n ?? 0);
  await c.run(DROP_STAGING_SQL);
  try {
    await c.run(CLEAR_REJECTS_SQL);
    await c.run(stageSql(staged.relation));
    const padded = Number((await rows(c, COUNT_STAGING_SQL))[0]?.n ?? 0);
    if (padded === strictCount + short) return short;
  } catch {
    // Fall through to the read that sets short rows aside.
  }
  await c.run(DROP_STAGING_IF_ANY_SQL);
  await c.run(CLEAR_REJECTS_SQL);
  await c.run(stageSql(staged.strictRelation));
  return 0;
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
  const parquetFile = input.parquetFile ?? path.join(input.workDir, 'version.parquet');
  await mkdir(path.dirname(parquetFile), { recursive: true });
  try {
    return await input.engine.with(async (c) => {
      // One pass when the file allows (types the publisher chose take the slower way).
      const direct = input.types ? null : await ingestDirect(c, staged, parquetFile);
      if (direct) return direct;
      const short = await stage(c, staged);
      if (short > 0) {
        warnings.push({
          message: `${short} ${short === 1 ? 'row' : 'rows'} had fewer fields than the header; padded with empty values`,
        });
      }
      if (staged.rejects) {
        for (const r of await rows(c, staged.rejects)) {
          warnings.push({
            line: Number(r.line),
            message: `line ${String(r.line)} skipped: ${String(r.error_type).toLowerCase().replace(/_/g, ' ')}`,
          });
        }
      }
      const described = await rows(c, DESCRIBE_STAGING_SQL);
      const count = Number((await rows(c, COUNT_STAGING_SQL))[0]?.n ?? 0);
      if (described.length === 0) throw new IngestError('The file has no columns', warnings);
      if (count === 0) throw new IngestError('The file has a header but no rows of data', warnings);

      const sourceNames = described.map((d) => String(d.column_name));
      const names = fieldNames(sourceNames, staged.geometry, warnings);

      // Text columns get their type from all their values; typed sources keep theirs.
      const types = described.map((d) => String(d.column_type));
      const isGeometry = (source: string) => staged.geometry && source === 'geometry';
      const textColumns = sourceNames.filter((n, i) => types[i] === 'VARCHAR' && !isGeometry(n));
      const inferred = await inferColumns(c, STAGING, textColumns);
      const plan = await planColumns(c, {
        sourceNames,
        names,
        types,
        inferred,
        chosen: input.types ?? {},
        geometry: staged.geometry,
      });
      warnings.push(...plan.warnings);
      const { fields, selects, known } = plan;
      let geometry: GeometryInfo | null = staged.geometry
        ? { kind: 'geojson', field: 'geometry' }
        : detectLatLon(fields);

      // A GeoJSON source's bounding box is written as the source gave it.
      await c.run(writeVersionSql(selects, staged.geometry ? BBOX : [], parquetFile));
      await c.run(DROP_STAGING_SQL);
      const withStats = await collectStats(c, parquetFile, fields, known);
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
