import type { AppContext } from '../../context.js';
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
import { exportQuery, type ExportQuery } from './sql/export-query.js';
import { asValueError } from './sql/value-errors.js';

export interface ExportPlan {
  format: ExportFormat;
  /** `<dataset>-<resource>-v<version>.<format>`: the same for the same data, whatever the query. */
  fileName: string;
  /** Private or unpublished data: not to be kept by shared caches. */
  restricted: boolean;
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
  const { resource, dataset } = await readableResource(ctx, actor, resourceId);
  const vs = await versionSource(ctx, actor, resourceId, input.version ?? null);
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
    fileName: `${dataset.slug}-${slugify(resource.name)}-v${vs.version.version}.${format}`,
    restricted: dataset.visibility !== 'public' || dataset.state !== 'active',
    query,
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
  return { stream: xlsxStream(resultChunks(ctx, sql, params), columns), size: null };
}
