import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { DomainError } from '../../../../platform/errors.js';
import { sectionPage } from '../../../../platform/views/page-head.js';
import { queryableTables } from '../../../datastore/index.js';
import { runSql, type SqlAnswer } from '../../sql.service.js';
import { resultView, tablesView } from './sql.view.js';

const STATUS: Partial<Record<DomainError['kind'], number>> = {
  rate_limited: 429,
  unavailable: 503,
};

/**
 * /sql: a box for one SELECT, run by a GET form (so the address is the query, to share or
 * bookmark, and it works without JavaScript), its rows as a table, and the tables to query.
 */
export function sqlPage(app: FastifyInstance, ctx: AppContext): void {
  app.get<{ Querystring: { q?: unknown } }>(
    '/sql',
    { schema: { hide: true } },
    async (request, reply) => {
      const sql = typeof request.query.q === 'string' ? request.query.q : '';
      const tables = tablesView(await queryableTables(ctx, request.actor));
      let answer: SqlAnswer | null = null;
      let status = 200;
      let errors: { text: string; href: string }[] = [];
      if (sql.trim() !== '') {
        try {
          answer = await runSql(ctx, request.actor, { sql });
        } catch (err) {
          // A refused or failed statement is something to correct in the box, not a failure.
          if (!(err instanceof DomainError)) throw err;
          errors = [{ text: err.message, href: '#q' }];
          status = STATUS[err.kind] ?? 400;
        }
      }
      const example = tables[0]
        ? `SELECT * FROM ${tables[0].name} LIMIT 100`
        : 'SELECT 42 AS answer';
      return reply.page(
        'features/sql/pages/sql/sql.njk',
        {
          ...sectionPage('Query the data with SQL', 'datasets'),
          sql,
          example,
          errors,
          tables,
          result: answer ? resultView(sql, ctx.config.baseUrl, answer) : null,
          limits: {
            rows: ctx.config.sqlMaxRows,
            seconds: ctx.config.sqlTimeoutMs / 1000,
            length: ctx.config.sqlMaxLength,
          },
        },
        status,
      );
    },
  );
}
