import type { FastifyInstance, FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { catalogGraph, datasetGraph, parseModifiedSince } from './dcat.service.js';
import { preferredRdf, type RdfFormat } from './negotiation.js';
import { EXTENSIONS, MEDIA_TYPES, serialise } from './rdf-output.js';

const CatalogQuerystring = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  q: Type.Optional(Type.String({ maxLength: 500 })),
  modified_since: Type.Optional(Type.String({ maxLength: 40 })),
});
type CatalogQuerystringInput = Static<typeof CatalogQuerystring>;

const FORMAT_EXTENSION: Readonly<Record<RdfFormat, string>> = {
  turtle: 'ttl',
  jsonld: 'jsonld',
  rdfxml: 'rdf',
};

/** Adds Accept to Vary: the same URL answers HTML or RDF by it (and caches must know). */
export function varyOnAccept(reply: FastifyReply): void {
  const vary = reply.getHeader('vary');
  const values = typeof vary === 'string' ? vary.split(',').map((v) => v.trim()) : [];
  if (!values.some((v) => v.toLowerCase() === 'accept' || v === '*')) {
    reply.header('vary', [...values.filter(Boolean), 'Accept'].join(', '));
  }
}

export async function sendDataset(
  ctx: AppContext,
  reply: FastifyReply,
  slug: string,
  format: RdfFormat,
): Promise<FastifyReply> {
  const graph = await datasetGraph(ctx, slug);
  return reply.type(MEDIA_TYPES[format]).send(await serialise(graph.quads, format));
}

async function sendCatalog(
  ctx: AppContext,
  reply: FastifyReply,
  query: CatalogQuerystringInput,
  format: RdfFormat,
  extension: string,
): Promise<FastifyReply> {
  const modifiedSince = parseModifiedSince(query.modified_since);
  const pageUrl = (page: number) => {
    const params = new URLSearchParams();
    if (query.q) params.set('q', query.q);
    if (query.modified_since) params.set('modified_since', query.modified_since);
    params.set('page', String(page));
    return `${ctx.config.baseUrl}/catalog.${extension}?${params.toString()}`;
  };
  const graph = await catalogGraph(
    ctx,
    { page: query.page ?? 1, q: query.q, modifiedSince },
    pageUrl,
  );
  return reply.type(MEDIA_TYPES[format]).send(await serialise(graph.quads, format));
}

/**
 * /catalog.{ttl,jsonld,rdf,xml} and /catalog (by Accept; browsers are sent to /datasets), and
 * /dataset/{slug}.{ttl,jsonld,rdf} and /dataset/{slug} (by Accept; browsers are sent to the
 * dataset's page). /dataset/{slug} is the dataset's IRI in every graph.
 */
export function dcatRoutes(app: FastifyInstance, ctx: AppContext): void {
  for (const [extension, format] of Object.entries(EXTENSIONS)) {
    app.get<{ Querystring: CatalogQuerystringInput }>(
      `/catalog.${extension}`,
      { schema: { hide: true, querystring: CatalogQuerystring } },
      (request, reply) => sendCatalog(ctx, reply, request.query, format, extension),
    );
  }
  app.get<{ Querystring: CatalogQuerystringInput }>(
    '/catalog',
    { schema: { hide: true, querystring: CatalogQuerystring } },
    async (request, reply) => {
      varyOnAccept(reply);
      const format = preferredRdf(request.headers.accept);
      if (!format) return reply.redirect('/datasets', 303);
      return sendCatalog(ctx, reply, request.query, format, FORMAT_EXTENSION[format]);
    },
  );
  app.get<{ Params: { file: string } }>(
    '/dataset/:file',
    { schema: { hide: true, params: Type.Object({ file: Type.String({ maxLength: 220 }) }) } },
    async (request, reply) => {
      const [slug = '', extension, ...rest] = request.params.file.split('.');
      if (rest.length > 0) throw notFound(`Dataset ${slug}`);
      if (extension !== undefined) {
        const format = EXTENSIONS[extension];
        if (!format || extension === 'xml') throw notFound(`Dataset ${slug}.${extension}`);
        return sendDataset(ctx, reply, slug, format);
      }
      varyOnAccept(reply);
      const format = preferredRdf(request.headers.accept);
      if (!format) return reply.redirect(`/datasets/${encodeURIComponent(slug)}`, 303);
      return sendDataset(ctx, reply, slug, format);
    },
  );
}
