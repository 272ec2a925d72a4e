import { joinTransaction } from '../../platform/db/transaction.js';
import type { AppContext } from '../../context.js';
import type { Diff } from '../../platform/activity/diff.js';
import type { Resource } from '../../platform/db/schema.js';
import { validationFailed } from '../../platform/errors.js';
import { now } from '../../platform/ids.js';
import { type Actor, authorise } from '../accounts/index.js';
import { resourceView } from './dataset.view.js';
import { formatOf, mediaTypeOf } from './formats.js';
import { updateResourceDetails } from './resource.repository.js';
import { readableResource, recordResourceChange } from './resource.service.js';

/** What can change of a resource besides its file: its words, its format, a link's address. */
export interface ResourcePatchInput {
  name?: string | undefined;
  description?: string | undefined;
  format?: string | undefined;
  url?: string | undefined;
}

/** Changes some details of a resource, with the dataset's update right, in its history. */
export async function patchResource(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: ResourcePatchInput,
) {
  const { resource, dataset } = await readableResource(ctx, actor, id);
  authorise(
    actor,
    { type: 'dataset:update', dataset },
    'You cannot change the resources of this dataset',
  );
  if (input.url !== undefined && resource.blob_key) {
    throw validationFailed([
      { field: 'url', message: 'This resource is an uploaded file: upload a new file instead' },
    ]);
  }
  if (input.name?.trim() === '') {
    throw validationFailed([{ field: 'name', message: 'Missing value' }]);
  }
  const format =
    input.format === undefined ? resource.format : formatOf(input.format, resource.url ?? '');
  const after: Resource = {
    ...resource,
    name: input.name?.trim() ?? resource.name,
    description: input.description ?? resource.description,
    format,
    media_type: format === resource.format ? resource.media_type : mediaTypeOf(format),
    url: input.url ?? resource.url,
    modified_at: now(),
  };
  const diff: Diff = {};
  for (const key of ['name', 'description', 'format', 'url'] as const) {
    if (after[key] !== resource[key]) diff[key] = { from: resource[key], to: after[key] };
  }
  if (Object.keys(diff).length === 0) return resourceView(resource, ctx.config.baseUrl);
  await joinTransaction(ctx.db.kysely, async (trx) => {
    await updateResourceDetails(trx, after);
    await recordResourceChange(trx, actor, dataset, id, after.modified_at, {
      action: 'resource.updated',
      diff,
    });
  });
  return resourceView(after, ctx.config.baseUrl);
}
