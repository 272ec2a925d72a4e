import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AppContext } from '../../context.js';
import { FileResponse } from '../../platform/http/schemas.js';
import { errors, type Api } from '../../platform/http/types.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { matchesEtag } from '../../platform/http/etag.js';
import { EXPORT_FORMATS, FORMATS, type ExportFormat } from './export-formats.js';
import { findStoredExport, openStoredExport, type StoredExport } from './export-stored.js';
import { openExport, planExport, type ExportPlan } from './export.service.js';
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

/** The headers of any export: its type, its file name, and no shared caching of private data. */
function exportHeaders(fmt: ExportFormat, plan: Pick<ExportPlan, 'fileName' | 'restricted'>) {
  return {
    'content-type': FORMATS[fmt].contentType,
    'content-disposition': contentDisposition(plan.fileName),
    ...(plan.restricted ? { 'cache-control': 'private, no-store' } : {}),
  };
}

/**
 * Answers with a file built ahead: 304 when the client has it, its length for HEAD, else its
 * bytes from the blob store. False when the store has lost it (the export is streamed then).
 */
async function sendStored(
  ctx: AppContext,
  request: FastifyRequest,
  reply: FastifyReply,
  fmt: ExportFormat,
  stored: StoredExport,
): Promise<boolean> {
  const headers = { ...exportHeaders(fmt, stored), etag: stored.etag };
  if (matchesEtag(request.headers['if-none-match'], stored.etag)) {
    reply.code(304).headers(headers).send();
    return true;
  }
  if (request.method === 'HEAD') {
    // An empty stream, not no body: Fastify's HEAD route would say the length is 0.
    reply.headers({ ...headers, 'content-length': stored.size }).send(Readable.from([]));
    return true;
  }
  const stream = await openStoredExport(ctx, stored);
  if (!stream) return false;
  reply.raw.once('close', () => stream.destroy());
  reply.headers({ ...headers, 'content-length': stored.size }).send(stream);
  return true;
}

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
          'matching row. `_id` is included only when `fields` names it. Without parameters ' +
          '(but `version`), csv, geojson and xlsx are files built ahead once the version is ' +
          'published: sent with Content-Length and an ETag, 304 for a matching If-None-Match.',
        params: ExportParams,
        querystring: ExportQueryString,
        response: {
          200: FileResponse(
            'The rows in the format of the path',
            Object.values(FORMATS).map((f) => f.contentType),
          ),
          304: Type.Null({
            description: 'The whole version, built ahead, unchanged since its ETag was given',
          }),
          ...errors(404, 409),
        },
      },
    },
    async (request, reply) => {
      const { id, fmt } = request.params;
      // The whole version, no other parameter: the file built ahead, when it is ready.
      if (Object.keys(request.query).every((name) => name === 'version')) {
        const version = request.query.version ?? null;
        const stored = await findStoredExport(ctx, request.actor, id, fmt, version);
        const sent = stored && (await sendStored(ctx, request, reply, fmt, stored));
        if (sent) return reply;
      }
      const plan = await withUrlNames(() =>
        planExport(ctx, request.actor, id, fmt, parseQueryString(request.query)),
      );
      const headers = exportHeaders(fmt, plan);
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
