import type { AppContext } from '../../context.js';
import type { Dataset, Resource } from '../../platform/db/schema.js';
import { oneRow } from '../../platform/engine/engine.js';
import { invalidParameter } from '../../platform/errors.js';
import type { Actor } from '../accounts/index.js';
import { slugify, readableResource } from '../catalog/index.js';
import { copyToFile, type ExportBody } from './export-copy.js';
import { FORMATS, XLSX_MAX_ROWS, type ExportFormat } from './export-formats.js';
import { resultChunks } from './export-rows.js';
import { xlsxStream } from './export-xlsx.js';
import type { QueryInput } from './query.schemas.js';
import { versionSource } from './query.service.js';
import type { VersionSource } from './sql/query-builder.js';
import { exportQuery, type ExportQuery } from './sql/export-query.js';
import { asValueError } from './sql/value-errors.js';

export interface ExportPlan {
  format: ExportFormat;
  /** `<dataset>-<resource>-v<version>.<format>`: the same for the same data, whatever the query. */
  fileName: string;
  /** Private or unpublished data: not to be kept by shared caches. */
  restricted: boolean;
  /** When the version was published: the workbook's file times, so its bytes are the same. */
  modified: Date;
  query: ExportQuery;
}

/**
 * Everything that can fail with a 4xx, checked before a byte is sent: who may read the resource
 * (private data is a 404, as everywhere), the query, the format.
 */
export async function planExport(
  ctx: AppContext,
  actor: Actor,
  resourceId: string,
  format: ExportFormat,
  input: QueryInput,
): Promise<ExportPlan> {
  const found = await readableResource(ctx, actor, resourceId);
  const vs = await versionSource(ctx, actor, resourceId, input.version ?? null);
  return planFor(ctx, found, vs, format, input);
}

/** The plan of an export of a version, whoever asks (a job building downloads, say). */
export async function planFor(
  ctx: AppContext,
  found: { resource: Resource; dataset: Dataset },
  vs: VersionSource,
  format: ExportFormat,
  input: QueryInput,
): Promise<ExportPlan> {
  const query = exportQuery(vs, input, format);
  if (format === 'xlsx') {
    const rows = await ctx.engine
      .with(async (c) => Number((await oneRow(c, query.countSql, query.countParams)).n ?? 0))
      .catch((err: unknown) => {
        throw asValueError(err);
      });
    if (rows > XLSX_MAX_ROWS) {
      throw invalidParameter(
        'format',
        `This export has ${rows.toLocaleString('en-GB')} rows and an Excel sheet holds at most ` +
          `${XLSX_MAX_ROWS.toLocaleString('en-GB')}: export csv instead, or narrow it with filters or limit`,
        { rows, max: XLSX_MAX_ROWS },
      );
    }
  }
  return {
    format,
    ...exportNaming(found, vs.version.version, format),
    modified: new Date(vs.version.created_at),
    query,
  };
}

/** The file name and caching of any export of this version of a resource. */
export function exportNaming(
  { resource, dataset }: { resource: Resource; dataset: Dataset },
  version: number,
  format: ExportFormat,
): Pick<ExportPlan, 'fileName' | 'restricted'> {
  return {
    fileName: `${dataset.slug}-${slugify(resource.name)}-v${version}.${format}`,
    restricted: dataset.visibility !== 'public' || dataset.state !== 'active',
  };
}

/** The export's bytes: a finished COPY file, or a workbook built from DuckDB's chunks. */
export async function openExport(
  ctx: AppContext,
  plan: ExportPlan,
  signal: AbortSignal,
): Promise<ExportBody> {
  const spec = FORMATS[plan.format];
  const { sql, params, columns } = plan.query;
  if (spec.writer === 'copy') {
    return copyToFile(ctx, sql, params, spec.copy ?? '', spec.wrap, signal).catch(
      (err: unknown) => {
        throw asValueError(err);
      },
    );
  }
  return { stream: xlsxStream(resultChunks(ctx, sql, params), columns, plan.modified), size: null };
}
