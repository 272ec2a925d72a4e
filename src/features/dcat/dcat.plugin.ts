import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.js';
import { dcatRoutes, sendDataset, varyOnAccept } from './dcat.routes.js';
import { preferredRdf } from './negotiation.js';

const DATASET_PAGE = /^\/datasets\/([a-z0-9-]+)\/?(?:\?.*)?$/;

/**
 * The DCAT-AP outputs, and content negotiation on the dataset page. The page's route belongs to
 * the catalogue, which must not know of RDF (it sits below this feature), so rather than change
 * it, an `onRequest` hook answers /datasets/{slug} before the page's handler runs when the client
 * prefers an RDF type. It answers with the RDF itself, not a redirect to /dataset/{slug}.ttl: no
 * extra round trip for harvesters, no `-L` for curl. Every other request (browsers send text/html
 * or a wildcard) goes on to the page untouched, marked `Vary: Accept` for caches.
 */
export function registerDcat(app: FastifyInstance, ctx: AppContext): void {
  dcatRoutes(app, ctx);
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const slug = DATASET_PAGE.exec(request.url)?.[1];
    if (!slug) return;
    varyOnAccept(reply);
    const format = preferredRdf(request.headers.accept);
    if (format) await sendDataset(ctx, reply, slug, format);
  });
}
