import type { AppContext } from '../../context.js';
import { findDatasetById, findDatasetBySlug } from './dataset.repository.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The slug of the dataset named by its slug or its id (CKAN's "name or id"), with no policy
 * check: callers go on to the services by slug, which answer 404 to whoever may not see it.
 */
export async function datasetSlugFor(
  ctx: AppContext,
  nameOrId: string,
): Promise<string | undefined> {
  const bySlug = await findDatasetBySlug(ctx.db.kysely, nameOrId);
  if (bySlug) return bySlug.slug;
  if (!UUID.test(nameOrId)) return undefined;
  return (await findDatasetById(ctx.db.kysely, nameOrId.toLowerCase()))?.slug;
}
