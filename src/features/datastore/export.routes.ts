import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { FileResponse } from '../../platform/http/schemas.js';
import { errors, type Api } from '../../platform/http/types.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { EXPORT_FORMATS, FORMATS, type ExportFormat } from './export-formats.js';
import { openExport, planExport } from './export.service.js';
import { parseQueryString, QueryString, withUrlNames } from './query-params.js';

const ExportParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  fmt: Type.Unsafe<ExportFormat>({ type: 'string', enum: [...EXPORT_FORMATS] }),
});

// The query parameters of GET /query, but `limit` is not capped (none means every row) and the
// format is the path's.
const ExportQueryString = Type.Object(
  {
    ...Type.Omit(QueryString, ['format', 'limit']).properties,
    limit: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: Number.MAX_SAFE_INTEGER,
        description: 'At most this many rows; all when absent',
      }),
    ),
  },
  { additionalProperties: false },
);

export function exportRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/api/v1/resources/:id/export.:fmt',
    {
      schema: {
        tags: ['datastore'],
        summary: 'Download the rows of a resource, or of a query on it, as a file',
        description:
          'Formats: csv, tsv, json, ndjson, geojson (geographic resources), parquet, xlsx ' +
          '(up to 1,048,575 rows). Takes the parameters of GET /query; without `limit`, every ' +
          'matching row. `_id` is included only when `fields` names it.',
        params: ExportParams,
        querystring: ExportQueryString,
        response: {
          200: FileResponse(
            'The rows in the format of the path',
            Object.values(FORMATS).map((f) => f.contentType),
          ),
          ...errors(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id, fmt } = request.params;
      const plan = await withUrlNames(() =>
        planExport(ctx, request.actor, id, fmt, parseQueryString(request.query)),
      );
      const headers = {
        'content-type': FORMATS[fmt].contentType,
        'content-disposition': contentDisposition(plan.fileName),
        ...(plan.restricted ? { 'cache-control': 'private, no-store' } : {}),
      };
      // HEAD (which Fastify answers with this handler) checks the export without running it.
      if (request.method === 'HEAD') return reply.headers(headers).send();
      const abort = new AbortController();
      const onClose = () => {
        abort.abort();
      };
      reply.raw.once('close', onClose);
      const body = await openExport(ctx, plan, abort.signal).catch((err: unknown) => {
        if (abort.signal.aborted) return null;
        throw err;
      });
      reply.raw.off('close', onClose);
      // A client gone mid-stream releases the file handle or the DuckDB connection at once.
      const release = () => body?.stream.destroy();
      if (!body || reply.raw.destroyed) {
        // Nobody to answer: the work was stopped (interrupted COPY), not failed.
        release();
        reply.hijack();
        return reply;
      }
      reply.raw.once('close', release);
      reply.headers(headers);
      if (body.size !== null) reply.header('content-length', body.size);
      return reply.send(body.stream);
    },
  );
}
