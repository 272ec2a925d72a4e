import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../../../context.js';
import { feedEntries, sitemapEntries } from '../../site.service.js';
import { datasetFeed } from './atom.js';
import { robotsTxt, sitemapXml } from './sitemap.js';

const FEED_LENGTH = 50;
const CACHE = 'public, max-age=300';

/** robots.txt, sitemap.xml and the Atom feed: public datasets only, whoever asks. */
export function siteFilesPages(app: FastifyInstance, ctx: AppContext): void {
  const { baseUrl } = ctx.config;
  app.get('/robots.txt', { schema: { hide: true } }, (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', CACHE).send(robotsTxt(baseUrl)),
  );

  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const body = sitemapXml(baseUrl, await sitemapEntries(ctx));
    return reply.type('application/xml; charset=utf-8').header('cache-control', CACHE).send(body);
  });

  app.get('/datasets.atom', { schema: { hide: true } }, async (_request, reply) => {
    const { siteName, entries } = await feedEntries(ctx, FEED_LENGTH);
    const body = datasetFeed(baseUrl, siteName, entries);
    return reply
      .type('application/atom+xml; charset=utf-8')
      .header('cache-control', CACHE)
      .send(body);
  });
}
