import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../../context.js';
import { notFound } from '../../../platform/errors.js';
import { SlugParam, type SlugParamInput } from '../../../platform/views/page-query.js';
import { feedEntries } from '../../catalog/index.js';
import { datasetFeed } from './dataset-feed.js';
import { siteLocations } from './sitemap.service.js';
import {
  robotsTxt,
  sitemapFileCount,
  sitemapIndexXml,
  sitemapPart,
  urlsetXml,
} from './sitemap-xml.js';

const FEED_LENGTH = 50;
const CACHE = 'public, max-age=300';
const XML = 'application/xml; charset=utf-8';
const ATOM = 'application/atom+xml; charset=utf-8';

const PartParam = Type.Object({ n: Type.Integer({ minimum: 1, maximum: 100_000 }) });

const send = (reply: FastifyReply, type: string, body: string) =>
  reply.type(type).header('cache-control', CACHE).send(body);

/**
 * robots.txt, the sitemap and the Atom feeds of datasets: public pages and datasets only,
 * whoever asks (they are shared and cached).
 */
export function siteFilesRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { baseUrl } = ctx.config;
  app.get('/robots.txt', { schema: { hide: true } }, (_request, reply) =>
    send(reply, 'text/plain; charset=utf-8', robotsTxt(baseUrl)),
  );

  // One urlset while it fits the protocol's 50,000 URLs; past that an index of /sitemaps/{n}.xml.
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const locations = await siteLocations(ctx);
    const body =
      sitemapFileCount(locations.length) === 1
        ? urlsetXml(baseUrl, locations)
        : sitemapIndexXml(baseUrl, locations);
    return send(reply, XML, body);
  });

  app.get<{ Params: Static<typeof PartParam> }>(
    '/sitemaps/:n.xml',
    { schema: { hide: true, params: PartParam } },
    async (request, reply) => {
      const body = sitemapPart(baseUrl, await siteLocations(ctx), request.params.n);
      if (body === null) throw notFound(`Sitemap ${String(request.params.n)}`);
      return send(reply, XML, body);
    },
  );

  // The site's feed, at CKAN's place (/feeds/dataset.atom is CKAN's; ours is plural) and at the
  // address it always had; the same feed (one id) at both.
  for (const path of ['/feeds/datasets.atom', '/datasets.atom']) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) => {
      const { siteName, entries } = await feedEntries(ctx, FEED_LENGTH);
      const of = {
        id: `${baseUrl}/datasets.atom`,
        self: baseUrl + path,
        alternate: `${baseUrl}/datasets`,
        title: 'New and updated datasets',
      };
      return send(reply, ATOM, datasetFeed(baseUrl, siteName, of, entries));
    });
  }

  app.get<{ Params: SlugParamInput }>(
    '/feeds/organisations/:slug.atom',
    { schema: { hide: true, params: SlugParam } },
    async (request, reply) => {
      const { siteName, entries, organisation } = await feedEntries(
        ctx,
        FEED_LENGTH,
        request.params.slug,
      );
      const slug = encodeURIComponent(organisation?.slug ?? request.params.slug);
      const of = {
        id: `${baseUrl}/feeds/organisations/${slug}.atom`,
        self: `${baseUrl}/feeds/organisations/${slug}.atom`,
        alternate: `${baseUrl}/organisations/${slug}`,
        title: `New and updated datasets from ${organisation?.name ?? request.params.slug}`,
      };
      return send(reply, ATOM, datasetFeed(baseUrl, siteName, of, entries));
    },
  );
}
