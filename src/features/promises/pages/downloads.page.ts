import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../context.js';
import { regionName } from '../../region/index.js';
import { statusChangeFeed } from '../promise-feed.js';
import { promisesCsv } from '../promise-csv.js';
import { listRecentStatusChanges } from '../promise.repository.js';
import { listPromises, promiseOrFail } from '../promise.service.js';

const FEED_LENGTH = 100;
export const CACHE = 'public, max-age=300';
export const ATOM = 'application/atom+xml; charset=utf-8';

/** The tracker as files: Atom feeds of status changes, and every promise as CSV and JSON. */
export function promiseDownloads(app: FastifyInstance, ctx: AppContext): void {
  const { baseUrl } = ctx.config;
  const siteName = () => regionName(ctx);

  app.get('/promises.atom', { schema: { hide: true } }, async (_request, reply) => {
    const changes = await listRecentStatusChanges(ctx.db.kysely, FEED_LENGTH);
    const scope = { self: '/promises.atom', alternate: '/promises', title: 'The mayor’s promises' };
    const body = statusChangeFeed(baseUrl, await siteName(), scope, changes);
    return reply.type(ATOM).header('cache-control', CACHE).send(body);
  });

  app.get('/promises.csv', { schema: { hide: true } }, async (request, reply) => {
    const { results } = await listPromises(ctx, request.actor, {});
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="promises.csv"')
      .header('cache-control', CACHE)
      .send(promisesCsv(results));
  });

  app.get('/promises.json', { schema: { hide: true } }, async (request, reply) => {
    const { results, ...list } = await listPromises(ctx, request.actor, {});
    // Every promise in one file, shaped as a page of the API's list that holds them all.
    const all = { ...list, total: results.length, page: 1, per_page: results.length, results };
    return reply.header('cache-control', CACHE).send(all);
  });
}

/** /promises/{slug}.atom: follow one promise. */
export async function promiseFeed(ctx: AppContext, slug: string) {
  const promise = await promiseOrFail(ctx, slug);
  const changes = await listRecentStatusChanges(ctx.db.kysely, FEED_LENGTH, promise.id);
  const path = `/promises/${encodeURIComponent(promise.slug)}`;
  const siteName = await regionName(ctx);
  const scope = { self: `${path}.atom`, alternate: path, title: `Promise: ${promise.title}` };
  return statusChangeFeed(ctx.config.baseUrl, siteName, scope, changes);
}
