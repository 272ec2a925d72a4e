import { unauthorized, notFound } from '../../../../platform/errors.js';
import { type Actor, authorise } from '../../../accounts/index.js';
import {
  addLinkResource,
  datasetSlugFor,
  deleteResource,
  getDataset,
  patchDataset,
  patchResource,
  readableDataset,
} from '../../../catalog/index.js';
import { datastoreResourceData } from '../../../datastore/index.js';
import { resourceDependents } from '../../../indicators/index.js';
import { str, type CkanCall } from '../../ckan-action.js';
import { ckanInvalid } from '../../ckan-failure.js';
import { inCkanWords } from './ckan-fields.js';
import type { PackageInput } from './package-input.js';
import { linkName, type ResourceItem } from './resource-items.js';

// What the package writes share: finding the dataset a call names, checking the caller may
// change it before reading the rest of the call, and bringing its resources in line.

/** What the catalogue's resource deletion needs from the features above it, as app.ts gives it. */
export const catalogExtensions = {
  data: datastoreResourceData,
  dependents: [resourceDependents],
};

/** CKAN checks who is asking before the parameters: no token is a 403 whatever is sent. */
export function requireUser(actor: Actor): void {
  if (!actor.user) throw unauthorized('Send your API token in the Authorization header');
}

/** The slug of the dataset a parameter names by name or id; 404 when there is none. */
export async function slugOf(call: CkanCall, param: string, fallback?: string): Promise<string> {
  const nameOrId =
    str(call, param) ?? (fallback ? str(call, fallback) : undefined) ?? str(call, param, true);
  const slug = await datasetSlugFor(call.ctx, nameOrId);
  if (!slug) throw notFound('Dataset');
  return slug;
}

/**
 * The dataset a write names, once the caller is known to see it (else 404, as for a dataset
 * that does not exist) and to be allowed to change it (else 403), before its input is read.
 */
export async function writablePackage(call: CkanCall): Promise<string> {
  requireUser(call.actor);
  const slug = await slugOf(call, 'id', 'name');
  const dataset = await readableDataset(call.ctx, call.actor, slug);
  // A deleted dataset is restored through /api/v1 first; to CKAN's writes it is gone.
  if (dataset.state === 'deleted') throw notFound('Dataset');
  authorise(call.actor, { type: 'dataset:update', dataset }, 'You cannot change this dataset');
  return slug;
}

/** Adds the new links of a package dict to its dataset. */
export async function addLinks(call: CkanCall, slug: string, items: ResourceItem[]) {
  for (const item of items.filter((r) => r.id === undefined)) {
    await inCkanWords(() =>
      addLinkResource(call.ctx, call.actor, slug, {
        name: linkName(item),
        url: item.url ?? '',
        ...(item.format ? { format: item.format } : {}),
        ...(item.description ? { description: item.description } : {}),
      }),
    );
  }
}

/**
 * Brings a dataset's resources in line with a package dict's list, as CKAN's package_update
 * does: listed ones are kept (and changed), the others deleted, new links added. Deletions come
 * first: one refused (an indicator is built on it) stops the call before anything changes.
 */
async function syncResources(call: CkanCall, slug: string, items: ResourceItem[]) {
  const { ctx, actor } = call;
  const current = (await getDataset(ctx, actor, slug)).resources;
  const byId = new Map(current.map((r) => [r.id, r]));
  const unknown = items.map((r) => (r.id && !byId.has(r.id) ? { id: ['Not found'] } : {}));
  if (unknown.some((e) => 'id' in e)) throw ckanInvalid({ resources: unknown });
  const kept = new Set(items.map((r) => r.id));
  for (const r of current.filter((c) => !kept.has(c.id))) {
    await deleteResource(ctx, actor, r.id, catalogExtensions, { force: false });
  }
  return async () => {
    for (const item of items) {
      const now = item.id ? byId.get(item.id) : undefined;
      if (!item.id || !now) continue;
      await inCkanWords(() =>
        patchResource(ctx, actor, now.id, {
          name: item.name,
          description: item.description,
          format: item.format === now.format ? undefined : item.format,
          // A file's address is its download link, sent back as package_show gave it.
          url: now.kind === 'link' && item.url !== now.url ? item.url : undefined,
        }),
      );
    }
    await addLinks(call, slug, items);
  };
}

/** package_patch and package_update: the dataset's fields, then its resources if sent. */
export async function changePackage(call: CkanCall, slug: string, input: PackageInput) {
  const rest = input.resources ? await syncResources(call, slug, input.resources) : null;
  await inCkanWords(() => patchDataset(call.ctx, call.actor, slug, input.fields));
  await rest?.();
}
