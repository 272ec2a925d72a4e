import type { AppContext } from '../../context.js';
import { now } from '../../platform/ids.js';
import type { Actor } from '../accounts/index.js';
import { findResource } from '../catalog/index.js';
import { isLoadable, loadNow } from '../datastore/index.js';
import { downloadFile } from './harvest-download.js';
import { findHarvestFile, saveHarvestFile, touchHarvestFile } from './harvest-files.repository.js';
import { harvestedResources, type HarvestedResource } from './harvest-store.js';

// Loading a harvested dataset's files into the datastore (sources with load_data on): each
// resource in a format the datastore loads is downloaded and loaded like an upload, as the next
// version of the same resource. Asked conditionally, and compared by size and hash, a file that
// did not change makes no new version. A file that fails is reported and the rest go on; the
// dataset's metadata is harvested whatever happens to its files.

export interface FilesOutcome {
  /** Files that made a new datastore version. */
  loaded: number;
  /** One message per file that could not be loaded, naming it. */
  failures: string[];
}

/** Loads one resource's file if it changed; whether it made a new version. */
async function loadFile(
  ctx: AppContext,
  actor: Actor,
  sourceId: string,
  res: HarvestedResource,
): Promise<boolean> {
  const db = ctx.db.kysely;
  const known = await findHarvestFile(db, res.id);
  const download = await downloadFile(ctx, res.id, res.url, res.format, known);
  const at = now();
  if (!download.changed) {
    // What the source now says of the same file, so the next run can ask conditionally again.
    await touchHarvestFile(db, res.id, {
      etag: download.etag,
      last_modified: download.lastModified,
      checked_at: at,
    });
    return false;
  }
  const resource = (await findResource(ctx, res.id))?.resource;
  if (!resource) throw new Error('The resource was removed while its file was loading');
  const load = await loadNow(ctx, resource, actor.user?.id ?? null, download.staged);
  if (load.status !== 'succeeded') throw new Error(load.error ?? 'The file could not be loaded');
  await saveHarvestFile(db, {
    resource_id: res.id,
    source_id: sourceId,
    url: res.url,
    etag: download.etag,
    last_modified: download.lastModified,
    size: download.staged.size,
    sha256: download.staged.sha256,
    loaded_at: at,
    checked_at: at,
  });
  return true;
}

/** Loads the dataset's loadable harvested files that changed since they were last loaded. */
export async function loadHarvestedFiles(
  ctx: AppContext,
  actor: Actor,
  sourceId: string,
  slug: string,
): Promise<FilesOutcome> {
  const outcome: FilesOutcome = { loaded: 0, failures: [] };
  let resources: HarvestedResource[];
  try {
    resources = (await harvestedResources(ctx, actor, slug)).resources;
  } catch (err) {
    outcome.failures.push(`Its files could not be listed: ${(err as Error).message}`);
    return outcome;
  }
  for (const res of resources.filter((r) => isLoadable(r.format))) {
    try {
      if (await loadFile(ctx, actor, sourceId, res)) outcome.loaded += 1;
    } catch (err) {
      outcome.failures.push(
        `File “${res.name}” (${res.url}) was not loaded: ${(err as Error).message}`,
      );
    }
  }
  return outcome;
}
