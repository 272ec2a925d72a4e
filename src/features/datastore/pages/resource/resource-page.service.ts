import type { AppContext } from '../../../../context.js';
import { notFound } from '../../../../platform/errors.js';
import type { Actor } from '../../../accounts/index.js';
import { resourceWithDatastore } from '../../datastore.service.js';

export type ResourcePageData = Awaited<ReturnType<typeof resourceWithDatastore>>;

/** The route of a page of a resource: /datasets/{slug}/resources/{id}[/view]. */
export interface ResourcePageRoute {
  Params: { slug: string; id: string };
}

/**
 * The resource behind a resource page: readable by the visitor (the one policy decides, through
 * resourceWithDatastore) and inside the dataset the URL names, else a 404 like any hidden data.
 */
export async function resourceForPage(
  ctx: AppContext,
  request: { actor: Actor; params: ResourcePageRoute['Params'] },
): Promise<ResourcePageData> {
  const { slug, id } = request.params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound(`Resource ${id}`);
  const resource = await resourceWithDatastore(ctx, request.actor, id);
  if (resource.dataset.slug !== slug) throw notFound(`Resource ${id}`);
  return resource;
}

/** Rows the datastore can show: a loaded version exists. */
export const isLoaded = (r: ResourcePageData): boolean => r.datastore.version !== null;

/** Geographic data: a GeoJSON geometry column or a latitude/longitude pair. */
export const isGeographic = (r: ResourcePageData): boolean =>
  isLoaded(r) && r.datastore.geometry !== null;
