import type { FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import type { SqlParam } from '../../platform/engine/engine.js';
import { contentDisposition } from '../../platform/http/content-disposition.js';
import { errors, type Api } from '../../platform/http/types.js';
import type { Actor } from '../accounts/index.js';
import { SQL_MEDIA_TYPES, sqlOutput } from './sql-output.js';
import {
  SqlBody,
  SqlFormatQuery,
  SqlQueryString,
  SqlResult,
  type SqlFormat,
} from './sql.schemas.js';
import { runSql, streamSql } from './sql.service.js';

const schema = {
  tags: ['sql'],
  produces: ['application/json', 'text/csv', 'application/x-ndjson'],
  response: {
    200: SqlResult,
    // 429: SQL_MAX_CONCURRENT queries running and as many waiting; 503: the time limit.
    ...errors(429, 503),
  },
};

export function sqlRoutes(app: Api, ctx: AppContext): void {
  async function answer(
    reply: FastifyReply,
    actor: Actor,
    sql: string,
    params: Record<string, SqlParam> | undefined,
    format: SqlFormat | undefined,
  ) {
    // Rows of private tables are for the caller only.
    reply.header('cache-control', 'private, no-store');
    if (!format || format === 'json') return runSql(ctx, actor, { sql, params });
    const stream = await streamSql(ctx, actor, { sql, params });
    reply.raw.once('close', stream.close);
    reply.header('x-row-limit', String(ctx.config.sqlMaxRows));
    reply.header('content-type', SQL_MEDIA_TYPES[format]);
    reply.header('content-disposition', contentDisposition(`query.${format}`));
    return reply.send(sqlOutput(stream, format));
  }

  app.get(
    '/api/v1/sql',
    {
      schema: {
        ...schema,
        summary: 'Run one read-only SELECT over the published tables',
        description:
          'Tables are named "dataset-slug/resource-slug" (or by the resource id), in double quotes; ' +
          '"…@n" is version n. Limits: SQL_TIMEOUT_MS, SQL_MAX_ROWS, SQL_MAX_LENGTH.',
        querystring: SqlQueryString,
      },
    },
    (request, reply) =>
      answer(reply, request.actor, request.query.q, undefined, request.query.format),
  );

  app.post(
    '/api/v1/sql',
    {
      schema: {
        ...schema,
        summary: 'Run one read-only SELECT, with named parameters',
        description: 'As GET /api/v1/sql; `params` gives the values of `$name` parameters.',
        querystring: SqlFormatQuery,
        body: SqlBody,
      },
    },
    (request, reply) =>
      answer(reply, request.actor, request.body.sql, request.body.params, request.query.format),
  );
}
